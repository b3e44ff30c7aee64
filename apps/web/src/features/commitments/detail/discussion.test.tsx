import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, type MockRoutes } from '../../../test/render';
import { commitmentDetail, comments, organizations, page } from '../../../test/fixtures';
import type { Comment } from '../../../api/types';

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
    expect(patches()[1]!.body).toEqual({ body: 'Văn bản của tôi' });
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
