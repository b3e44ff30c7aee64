import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, type MockRoutes } from '../../test/render';
import { commitmentDetail, comments, organizations, page, positions } from '../../test/fixtures';
import type { Comment } from '../../api/types';

const BASE = '/api/workspaces/viet-nam/commitments/c-nq42-1';
const COMMENTS = '/w/viet-nam/commitments/c-nq42-1?tab=comments';

function routes(extra: MockRoutes = {}): MockRoutes {
  return {
    '/api/workspaces/viet-nam/organizations': page(organizations),
    [BASE]: commitmentDetail,
    [`${BASE}/comments`]: page(comments),
    ...extra,
  };
}

const stale = (current: unknown) => ({
  status: 412,
  body: { statusCode: 412, error: 'Precondition Failed', message: 'stale', current },
});

/** The signed-in official's own comment (cm-2). */
const ownComment = async () =>
  (await screen.findByText('Cảm ơn ý kiến của Tổng LĐLĐ.')).closest('article')!;

describe('comments: concurrent edits', () => {
  it('edits with If-Match; on 412 shows the stored text and reapplies the user’s text on the new version', async () => {
    const theirs: Comment = {
      ...comments[1]!,
      body: 'Văn bản đã được sửa ở nơi khác.',
      version: 2,
    };
    let attempts = 0;
    const { user, sent } = renderApp(
      COMMENTS,
      routes({
        [`PATCH ${BASE}/comments/cm-2`]: (_url: URL, body: unknown) => {
          attempts += 1;
          return attempts === 1 ? stale(theirs) : { ...theirs, ...(body as object), version: 3 };
        },
      }),
    );
    const article = await ownComment();
    // Only the author is offered Edit.
    expect(screen.getAllByRole('button', { name: 'Sửa' })).toHaveLength(1);
    await user.click(within(article).getByRole('button', { name: 'Sửa' }));
    const box = within(article).getByLabelText('Sửa bình luận');
    await user.clear(box);
    await user.type(box, 'Văn bản của tôi');
    await user.click(within(article).getByRole('button', { name: 'Lưu' }));
    const alert = await within(article).findByRole('alert', {
      name: 'Bình luận đã được sửa trong lúc bạn thao tác',
    });
    expect(alert).toHaveTextContent('Văn bản đã được sửa ở nơi khác.');
    expect(box).toHaveValue('Văn bản của tôi');
    const patches = () => sent.filter((r) => r.method === 'PATCH');
    expect(patches()[0]!.headers.get('if-match')).toBe('"1"');
    await user.click(within(alert).getByRole('button', { name: 'Dùng lại nội dung của tôi' }));
    await waitFor(() => expect(patches()).toHaveLength(2));
    expect(patches()[1]!.headers.get('if-match')).toBe('"2"');
    expect(patches()[1]!.body).toEqual({ body: 'Văn bản của tôi', stance: null });
  });

  it('deletes after confirmation with If-Match; on 412 shows the stored text and keeps it on request', async () => {
    const theirs: Comment = { ...comments[1]!, body: 'Đã sửa trước khi xoá.', version: 2 };
    const { user, sent } = renderApp(
      COMMENTS,
      routes({ [`DELETE ${BASE}/comments/cm-2`]: stale(theirs) }),
    );
    const article = await ownComment();
    await user.click(within(article).getByRole('button', { name: 'Xóa' }));
    const confirm = within(article).getByRole('group', { name: 'Xóa bình luận này?' });
    await user.click(within(confirm).getByRole('button', { name: 'Xóa' }));
    const alert = await within(article).findByRole('alert', {
      name: 'Bình luận đã được sửa trong lúc bạn thao tác',
    });
    expect(alert).toHaveTextContent('Đã sửa trước khi xoá.');
    expect(within(alert).getByRole('button', { name: 'Vẫn xóa' })).toBeInTheDocument();
    const deletes = sent.filter((r) => r.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]!.headers.get('if-match')).toBe('"1"');
    await user.click(within(alert).getByRole('button', { name: 'Giữ nội dung hiện tại' }));
    expect(within(article).queryByRole('alert')).toBeNull();
  });
});

describe('positions: concurrent recordings', () => {
  it('records a first position without If-Match; when someone recorded it first shows theirs and saves mine over it with If-Match', async () => {
    const molisa = organizations[0]!;
    const theirs = {
      id: 'p-2',
      organization: { id: molisa.id, shortName: molisa.shortName, name: molisa.name },
      position: 'DISAGREE',
      rationale: 'Quan điểm do người khác ghi nhận.',
      decidedOn: '2026-02-01',
      recordedBy: { id: 'u-manager', displayName: 'Lê Văn Minh' },
      updatedAt: '2026-02-01T02:00:00.000Z',
      version: 1,
    };
    let attempts = 0;
    const { user, sent } = renderApp('/w/viet-nam/commitments/c-nq42-1?tab=positions', {
      ...routes(),
      [`${BASE}/positions`]: page(positions),
      [`PUT ${BASE}/positions/${molisa.id}`]: (_url: URL, body: unknown) => {
        attempts += 1;
        if (attempts === 1) {
          return {
            status: 428,
            body: {
              statusCode: 428,
              error: 'Precondition Required',
              message: 'x',
              current: theirs,
            },
          };
        }
        return { ...theirs, ...(body as object), version: 2 };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Ghi nhận quan điểm của tổ chức' }));
    const form = screen.getByRole('form', { name: 'Quan điểm của tổ chức' });
    await user.type(within(form).getByLabelText(/Lý do/), 'Lý do của tôi');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    const alert = await within(form).findByRole('alert', {
      name: 'Quan điểm đã được người khác ghi nhận trong lúc bạn sửa',
    });
    expect(alert).toHaveTextContent('Quan điểm do người khác ghi nhận.');
    expect(within(form).getByLabelText(/Lý do/)).toHaveValue('Lý do của tôi');
    const puts = () => sent.filter((r) => r.method === 'PUT');
    expect(puts()[0]!.headers.get('if-match')).toBeNull();
    await user.click(within(alert).getByRole('button', { name: 'Lưu quan điểm của tôi đè lên' }));
    await waitFor(() => expect(puts()).toHaveLength(2));
    expect(puts()[1]!.headers.get('if-match')).toBe('"1"');
    expect(puts()[1]!.body).toMatchObject({ rationale: 'Lý do của tôi' });
  });
});
