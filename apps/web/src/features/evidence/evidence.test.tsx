import { act, screen, waitFor, within } from '@testing-library/react';
import { renderApp, type MockRoutes } from '../../test/render';
import {
  adminMe,
  commitmentDetail,
  evidence,
  meAs,
  organizations,
  page,
  updates,
} from '../../test/fixtures';
import type { Evidence } from '../../api/types';
import { installFakeXhr } from './fake-xhr';

const BASE = '/api/workspaces/viet-nam/commitments/c-nq42-1';
const TAB = '/w/viet-nam/commitments/c-nq42-1?tab=evidence';

const file: Evidence = {
  id: 'e-2',
  kind: 'FILE',
  title: 'Báo cáo quý 1',
  url: null,
  fileName: 'bao-cao-q1.pdf',
  mimeType: 'application/pdf',
  sizeBytes: 2048,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  downloadUrl: `${BASE}/evidence/e-2/download`,
  progressUpdateId: 'up-2',
  uploadedById: 'u-official',
  createdAt: '2026-04-06T02:00:00.000Z',
};

function routes(list: Evidence[] | (() => unknown), extra: MockRoutes = {}): MockRoutes {
  return {
    '/api/workspaces/viet-nam/organizations': page(organizations),
    [BASE]: commitmentDetail,
    [`${BASE}/updates`]: page(updates),
    [`${BASE}/evidence`]: typeof list === 'function' ? list : page(list),
    '/api/workspaces/viet-nam/members': page([
      {
        id: 'm-1',
        userId: 'u-official',
        email: 'official@demo.test',
        displayName: 'Nguyễn Thị Lan',
        role: 'EDITOR',
        organization: organizations[0]!,
        active: true,
        passwordSet: true,
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    ]),
    ...extra,
  };
}

const item = async (title: string) =>
  (await screen.findByText(title, { selector: 'a, p' })).closest('li')!;

describe('evidence tab', () => {
  let xhr: ReturnType<typeof installFakeXhr>;
  beforeEach(() => {
    xhr = installFakeXhr();
  });
  afterEach(() => xhr.restore());

  it('lists files with size, type, uploader, checksum, report and a download link', async () => {
    renderApp(TAB, routes([file, ...evidence]));
    const row = await item('Báo cáo quý 1');
    expect(within(row).getByRole('link', { name: 'Báo cáo quý 1' })).toHaveAttribute(
      'href',
      `${BASE}/evidence/e-2/download`,
    );
    expect(row).toHaveTextContent('bao-cao-q1.pdf');
    expect(row).toHaveTextContent('application/pdf');
    expect(row).toHaveTextContent('2 kB');
    expect(row).toHaveTextContent('SHA-256 9f86d081884c…');
    expect(await within(row).findByText(/Người thêm: Nguyễn Thị Lan/)).toBeInTheDocument();
    expect(await within(row).findByText('Đính kèm báo cáo kỳ 2026-Q1')).toBeInTheDocument();
    const link = await item('Kế hoạch thực hiện Nghị quyết 42-NQ/TW (bản demo)');
    expect(within(link).getByRole('link')).toHaveAttribute('target', '_blank');
  });

  it('uploads a file with a progress bar and lists it', async () => {
    let list: Evidence[] = [];
    const { user } = renderApp(
      TAB,
      routes(() => page(list)),
    );
    await user.click(await screen.findByRole('button', { name: 'Tải tệp lên' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tải tệp lên' });
    const pdf = new File(['%PDF-1.4'], 'bao-cao-q1.pdf', { type: 'application/pdf' });
    await user.upload(within(dialog).getByLabelText('Tệp'), pdf);
    await user.type(within(dialog).getByLabelText(/Tiêu đề/), 'Báo cáo quý 1');
    await user.click(within(dialog).getByRole('button', { name: 'Tải lên' }));

    const request = await xhr.next();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`${BASE}/evidence`);
    expect(request.headers['X-Requested-With']).toBe('spct-web');
    const form = request.body as FormData;
    expect(form.get('title')).toBe('Báo cáo quý 1');
    expect((form.get('file') as File).name).toBe('bao-cao-q1.pdf');

    act(() => request.progress(3, 4));
    expect(
      await within(dialog).findByRole('progressbar', { name: 'Đang tải lên bao-cao-q1.pdf' }),
    ).toHaveAttribute('aria-valuenow', '75');
    list = [file];
    act(() => request.respond(201, file));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await item('Báo cáo quý 1')).toBeInTheDocument();
  });

  it.each([
    [413, 'Tệp vượt quá giới hạn 25 MB; không có gì được lưu.'],
    [415, /Loại tệp này không được chấp nhận/],
  ])('translates a %d refusal', async (status, message) => {
    const { user } = renderApp(TAB, routes([]));
    await user.click(await screen.findByRole('button', { name: 'Tải tệp lên' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tải tệp lên' });
    await user.upload(
      within(dialog).getByLabelText('Tệp'),
      new File(['<html>'], 'gia-mao.pdf', { type: 'application/pdf' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Tải lên' }));
    const request = await xhr.next();
    act(() => request.respond(status, { statusCode: status, error: 'x', message: 'English' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(message);
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
  });

  it('refuses a file over 25 MB without uploading it', async () => {
    const { user } = renderApp(TAB, routes([]));
    await user.click(await screen.findByRole('button', { name: 'Tải tệp lên' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tải tệp lên' });
    const big = new File(['x'], 'video.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 30 * 1024 * 1024 });
    await user.upload(within(dialog).getByLabelText('Tệp'), big);
    expect(within(dialog).getByText(/video\.pdf \(30 MB\) vượt quá giới hạn 25 MB/)).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Tải lên' })).toBeDisabled();
    expect(xhr.sent).toHaveLength(0);
  });

  it('adds a link and shows the API’s field error', async () => {
    const { user, sent } = renderApp(
      TAB,
      routes([], {
        [`POST ${BASE}/evidence`]: {
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message: 'Validation failed',
            details: [{ field: 'url', code: 'notUrl', message: 'must be an http or https URL' }],
          },
        },
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Thêm liên kết' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm liên kết' });
    await user.type(within(dialog).getByLabelText(/Tiêu đề liên kết/), 'Quyết định');
    await user.type(within(dialog).getByLabelText(/Địa chỉ/), 'ftp://x.test/a');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(
      await within(dialog).findByText('Không phải địa chỉ web hợp lệ (http:// hoặc https://).'),
    ).toBeVisible();
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({
      kind: 'LINK',
      url: 'ftp://x.test/a',
      title: 'Quyết định',
    });
  });

  it('deletes after confirmation, for the uploader', async () => {
    let list = [file];
    const { user, sent } = renderApp(
      TAB,
      routes(() => page(list), {
        [`DELETE ${BASE}/evidence/e-2`]: () => {
          list = [];
          return { status: 204, body: null };
        },
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Xóa Báo cáo quý 1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Xóa minh chứng' });
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Xóa' }));
    expect(await screen.findByText('Chưa có minh chứng nào.')).toBeInTheDocument();
    expect(sent.some((r) => r.method === 'DELETE' && r.path.endsWith('/evidence/e-2'))).toBe(true);
  });

  it('offers no adding or deleting to a viewer, nor deleting to another editor', async () => {
    renderApp(TAB, routes([file], { '/api/auth/me': meAs('VIEWER') }));
    await item('Báo cáo quý 1');
    expect(screen.queryByRole('button', { name: 'Tải tệp lên' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Thêm liên kết' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Xóa/ })).toBeNull();
  });

  it('lets an editor of the organization add but not delete someone else’s file', async () => {
    renderApp(TAB, routes([file], { '/api/auth/me': meAs('EDITOR', organizations[0]!) }));
    await item('Báo cáo quý 1');
    expect(screen.getByRole('button', { name: 'Tải tệp lên' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Xóa/ })).toBeNull();
  });

  it('lets an administrator delete a file someone else added', async () => {
    renderApp(TAB, routes([file], { '/api/auth/me': adminMe }));
    await item('Báo cáo quý 1');
    expect(screen.getByRole('button', { name: 'Xóa Báo cáo quý 1' })).toBeInTheDocument();
  });
});
