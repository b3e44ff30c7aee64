import { screen, waitFor, within } from '@testing-library/react';
import type { CommitmentDetail } from '../../api/types';
import { renderApp } from '../../test/render';
import {
  adminMe,
  commitmentDetail,
  frameworkDetail,
  ilc2021,
  nq42,
  officialMember,
  organizations,
  page,
} from '../../test/fixtures';

const WS = '/api/workspaces/viet-nam';
const BASE = `${WS}/commitments/c-nq42-1`;
const members = [officialMember];
const common = {
  [`${WS}/organizations`]: page(organizations),
  [`${WS}/members`]: page(members),
  [`${WS}/frameworks`]: page([nq42, ilc2021]),
  [`${WS}/frameworks/f-ilc`]: frameworkDetail,
  [`${WS}/frameworks/f-nq42`]: { ...nq42, tree: [] },
};

describe('create form', () => {
  it('checks required fields, then creates and opens the new commitment', async () => {
    const created: CommitmentDetail = { ...commitmentDetail, id: 'c-new', reference: '11.C.9' };
    const { user, sent, history } = renderApp('/w/viet-nam/commitments/new', {
      ...common,
      '/api/auth/me': adminMe,
      [`POST ${WS}/commitments`]: { status: 201, body: created },
      [`${WS}/commitments/c-new`]: created,
    });

    const form = await screen.findByRole('form', { name: 'Thêm cam kết' });
    await user.click(within(form).getByRole('button', { name: 'Tạo cam kết' }));
    expect(await screen.findAllByText('Vui lòng nhập thông tin này.')).toHaveLength(4);
    expect(sent.some((request) => request.method === 'POST')).toBe(false);

    await user.selectOptions(screen.getByLabelText(/Khung cam kết/), 'f-ilc');
    // Parents are the commitments of the chosen framework.
    await screen.findByRole('option', { name: /11\.C — Phổ cập an sinh xã hội/ });
    await user.selectOptions(screen.getByLabelText(/Cam kết cấp trên/), 'c-ilc-11c');
    await user.type(screen.getByLabelText(/Số hiệu/), '11.C.9');
    await user.type(
      screen.getByLabelText(/Tiêu đề \(tiếng Việt\)/),
      'Mở rộng bảo hiểm thất nghiệp',
    );
    await user.type(
      screen.getByLabelText(/Tiêu đề \(tiếng Anh\)/),
      'Extend unemployment insurance',
    );
    await user.selectOptions(screen.getByLabelText('Cơ quan chủ trì'), 'o-molisa');
    await user.click(screen.getByRole('checkbox', { name: 'VSS' }));
    await user.click(screen.getByRole('checkbox', { name: 'Lao động di cư' }));
    await user.selectOptions(screen.getByLabelText('Đầu mối'), 'u-official');
    await user.type(screen.getByLabelText('Ngày bắt đầu'), '2026-01-01');
    await user.type(screen.getByLabelText('Hạn hoàn thành'), '2028-12-31');
    await user.click(screen.getByRole('button', { name: 'Tạo cam kết' }));

    await waitFor(() => expect(history.location.pathname).toBe('/w/viet-nam/commitments/c-new'));
    const post = sent.find((request) => request.method === 'POST')!;
    expect(post.body).toEqual({
      frameworkId: 'f-ilc',
      parentId: 'c-ilc-11c',
      reference: '11.C.9',
      title: { vi: 'Mở rộng bảo hiểm thất nghiệp', en: 'Extend unemployment insurance' },
      description: null,
      theme: null,
      leadOrgId: 'o-molisa',
      coOrgIds: ['o-vss'],
      focalUserId: 'u-official',
      targetGroups: ['MIGRANT_WORKERS'],
      weight: 1,
      startDate: '2026-01-01',
      targetDate: '2028-12-31',
    });
  });

  it('shows the API’s field errors under their fields, translated when known', async () => {
    const { user } = renderApp('/w/viet-nam/commitments/new?frameworkId=f-nq42', {
      ...common,
      '/api/auth/me': adminMe,
      [`POST ${WS}/commitments`]: {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'reference: is already used in this framework; title.en: too long',
          details: [
            { field: 'reference', code: 'taken', message: 'is already used in this framework' },
            {
              field: 'title.en',
              code: 'tooLong',
              message: 'title.en must be shorter than or equal to 500 characters',
              max: 500,
            },
          ],
        },
      },
    });
    await user.type(await screen.findByLabelText(/Số hiệu/), '1');
    await user.type(screen.getByLabelText(/Tiêu đề \(tiếng Việt\)/), 'Tiêu đề');
    await user.type(screen.getByLabelText(/Tiêu đề \(tiếng Anh\)/), 'Title');
    await user.click(screen.getByRole('button', { name: 'Tạo cam kết' }));

    const reference = screen.getByLabelText(/Số hiệu/);
    await waitFor(() => expect(reference).toHaveAttribute('aria-invalid', 'true'));
    expect(reference).toHaveAccessibleDescription(/Số hiệu này đã được dùng trong khung\./);
    expect(screen.getByLabelText(/Tiêu đề \(tiếng Anh\)/)).toHaveAccessibleDescription(
      'Tối đa 500 ký tự.',
    );
  });

  it('keeps an official’s organization involved when another leads', async () => {
    const { user } = renderApp('/w/viet-nam/commitments/new', common);
    const lead = await screen.findByLabelText('Cơ quan chủ trì');
    await within(lead).findByRole('option', { name: /^MOLISA/ });
    expect(lead).toHaveValue('o-molisa');
    await user.selectOptions(lead, 'o-vss');
    const own = await screen.findByRole('checkbox', { name: 'MOLISA' });
    expect(own).toBeChecked();
    expect(own).toBeDisabled();
  });
});

describe('edit form', () => {
  const editPath = '/w/viet-nam/commitments/c-nq42-1/edit';

  it('sends only the changed fields, with If-Match of the loaded version', async () => {
    const { user, sent, history } = renderApp(editPath, {
      ...common,
      [`GET ${BASE}`]: commitmentDetail,
      [`PATCH ${BASE}`]: { ...commitmentDetail, version: 4 },
    });
    const title = await screen.findByLabelText(/Tiêu đề \(tiếng Anh\)/);
    await user.clear(title);
    await user.type(title, 'Universal social insurance');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(history.location.pathname).toBe('/w/viet-nam/commitments/c-nq42-1'));
    const patch = sent.find((request) => request.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect(patch.body).toEqual({
      title: { vi: commitmentDetail.title.vi, en: 'Universal social insurance' },
    });
  });

  it('on 412 shows what differs and reapplies the user’s change on the new version', async () => {
    const theirs: CommitmentDetail = {
      ...commitmentDetail,
      version: 4,
      targetDate: '2029-12-31',
      coOrgIds: ['o-vss'],
    };
    let patches = 0;
    const { user, sent, history } = renderApp(editPath, {
      ...common,
      [`GET ${BASE}`]: commitmentDetail,
      [`PATCH ${BASE}`]: () =>
        ++patches === 1
          ? {
              status: 412,
              body: {
                statusCode: 412,
                error: 'Precondition Failed',
                message: 'If-Match "3" is not the current version of this commitment (now 4)',
                current: theirs,
              },
            }
          : { ...theirs, version: 5, reference: '1.a' },
    });

    const reference = await screen.findByLabelText(/Số hiệu/);
    await user.clear(reference);
    await user.type(reference, '1.a');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    const conflict = await screen.findByRole('region', {
      name: 'Người khác đã thay đổi cam kết này trong lúc bạn đang sửa',
    });
    const table = within(conflict).getByRole('table');
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(
      within(row('Số hiệu'))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1.a', '1']);
    expect(within(row('Số hiệu')).getByText('Bạn đã sửa')).toBeInTheDocument();
    expect(
      within(row('Hạn hoàn thành'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['31 thg 12, 2030', '31 thg 12, 2029']);
    expect(
      within(row('Cơ quan phối hợp'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['VSS, VGCL', 'VSS']);
    // Unchanged fields are not listed.
    expect(within(table).queryByRole('row', { name: /^Tiêu đề/ })).not.toBeInTheDocument();

    await user.click(
      within(conflict).getByRole('button', { name: 'Áp dụng lại thay đổi của tôi' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Áp dụng lại thay đổi của bạn?' });
    await user.click(within(dialog).getByRole('button', { name: 'Lưu thay đổi của tôi' }));

    await waitFor(() => expect(history.location.pathname).toBe('/w/viet-nam/commitments/c-nq42-1'));
    const [first, second] = sent.filter((request) => request.method === 'PATCH');
    expect(first!.headers.get('If-Match')).toBe('"3"');
    expect(second!.headers.get('If-Match')).toBe('"4"');
    // Only the user's change: their new target date and co-organizations stay.
    expect(second!.body).toEqual({ reference: '1.a' });
  });

  it('“discard mine” loads their version into the form', async () => {
    const theirs: CommitmentDetail = { ...commitmentDetail, version: 4, reference: '1.b' };
    const { user } = renderApp(editPath, {
      ...common,
      [`GET ${BASE}`]: commitmentDetail,
      [`PATCH ${BASE}`]: {
        status: 412,
        body: { statusCode: 412, error: 'Precondition Failed', message: 'stale', current: theirs },
      },
    });
    const reference = await screen.findByLabelText(/Số hiệu/);
    await user.clear(reference);
    await user.type(reference, '1.a');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await user.click(await screen.findByRole('button', { name: 'Bỏ thay đổi của tôi' }));
    expect(await screen.findByLabelText(/Số hiệu/)).toHaveValue('1.b');
    expect(screen.getByRole('status')).toHaveTextContent('Đã tải phiên bản 4 của họ');
  });
});
