import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, type MockRoutes, type SentRequest } from '../../test/render';
import {
  commitmentDetail,
  comments,
  meAs,
  members,
  organizations,
  page,
  unionMe,
} from '../../test/fixtures';
import type { Comment } from '../../api/types';

const BASE = '/api/workspaces/viet-nam/commitments/c-nq42-1';
const COMMENTS = '/w/viet-nam/commitments/c-nq42-1?tab=comments';

function routes(extra: MockRoutes = {}, list: Comment[] = comments): MockRoutes {
  return {
    '/api/auth/me': unionMe,
    '/api/workspaces/viet-nam/organizations': page(organizations),
    '/api/workspaces/viet-nam/members': page(members),
    [BASE]: commitmentDetail,
    [`${BASE}/comments`]: page(list),
    [`${BASE}/history`]: page([]),
    ...extra,
  };
}

/** What the API answers to a POST: the new comment as stored. */
const created = (_url: URL, body: unknown): Comment => {
  const input = body as { body: string; stance?: Comment['stance']; parentId?: string };
  return {
    id: 'cm-new',
    parentId: input.parentId ?? null,
    author: { id: 'u-union', displayName: 'Trần Văn Hùng' },
    body: input.body,
    stance: input.stance ?? null,
    mentionedIds: [],
    createdAt: '2026-03-05T02:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    version: 1,
  };
};

const posts = (sent: SentRequest[]) => sent.filter((r) => r.method === 'POST');

describe('writing comments', () => {
  it('posts a new comment with the chosen stance, then clears the composer and refreshes the thread', async () => {
    const { user, sent } = renderApp(COMMENTS, routes({ [`POST ${BASE}/comments`]: created }));
    const composer = await screen.findByRole('form', { name: 'Viết bình luận' });
    const box = within(composer).getByLabelText('Viết bình luận');
    await user.type(box, 'Đề nghị làm rõ lộ trình @official@demo.test');
    expect(composer).toHaveTextContent('43 / 5.000 ký tự');
    await user.selectOptions(within(composer).getByLabelText('Lập trường'), 'QUESTION');
    const before = sent.filter((r) => r.method === 'GET').length;
    await user.click(within(composer).getByRole('button', { name: 'Gửi bình luận' }));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0]!.path).toBe(`${BASE}/comments`);
    expect(posts(sent)[0]!.body).toEqual({
      body: 'Đề nghị làm rõ lộ trình @official@demo.test',
      stance: 'QUESTION',
    });
    await waitFor(() => expect(box).toHaveValue(''));
    await waitFor(() =>
      expect(
        sent
          .slice(before)
          .filter((r) => r.method === 'GET')
          .map((r) => r.path),
      ).toContain(`${BASE}/comments`),
    );
  });

  it('sends with Ctrl+Enter, without a stance when none is chosen, and refuses an empty comment', async () => {
    const { user, sent } = renderApp(COMMENTS, routes({ [`POST ${BASE}/comments`]: created }));
    const composer = await screen.findByRole('form', { name: 'Viết bình luận' });
    const box = within(composer).getByLabelText('Viết bình luận');
    await user.click(box);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(box).toHaveAccessibleDescription(/Hãy nhập nội dung bình luận\./);
    await user.type(box, 'Dòng một{Shift>}{Enter}{/Shift}Dòng hai');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0]!.body).toEqual({ body: 'Dòng một\nDòng hai' });
  });

  it('shows the API’s field errors under the field and keeps the text', async () => {
    const { user } = renderApp(
      COMMENTS,
      routes({
        [`POST ${BASE}/comments`]: {
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message: 'Validation failed',
            details: [
              { field: 'body', code: 'tooLong', message: 'must be at most 5000', max: 5000 },
            ],
          },
        },
      }),
    );
    const composer = await screen.findByRole('form', { name: 'Viết bình luận' });
    const box = within(composer).getByLabelText('Viết bình luận');
    await user.type(box, 'Quá dài');
    await user.click(within(composer).getByRole('button', { name: 'Gửi bình luận' }));
    await waitFor(() => expect(box).toHaveAccessibleDescription(/Tối đa 5000 ký tự\./));
    expect(box).toHaveValue('Quá dài');
  });

  it('replies to a root comment with its parentId; replies themselves offer no Reply', async () => {
    const { user, sent } = renderApp(COMMENTS, routes({ [`POST ${BASE}/comments`]: created }));
    await screen.findByText('Cảm ơn ý kiến của Tổng LĐLĐ.');
    expect(screen.getAllByRole('button', { name: /^Trả lời / })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Trả lời Trần Văn Hùng' }));
    const reply = screen.getByRole('form', { name: 'Viết trả lời' });
    await user.type(within(reply).getByLabelText('Viết trả lời'), 'Đồng ý với ý kiến trên.');
    await user.click(within(reply).getByRole('button', { name: 'Gửi trả lời' }));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0]!.body).toEqual({ body: 'Đồng ý với ý kiến trên.', parentId: 'cm-1' });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Viết trả lời' })).toBeNull());
  });

  it('offers Edit and Delete only on the user’s own comments; edit sends the stance and If-Match', async () => {
    const { user, sent } = renderApp(
      COMMENTS,
      routes({
        [`PATCH ${BASE}/comments/cm-1`]: (_url: URL, body: unknown) => ({
          ...comments[0]!,
          ...(body as object),
          version: 2,
        }),
      }),
    );
    const own = (await screen.findByText('Số người rút BHXH một lần vẫn ở mức cao.')).closest(
      'article',
    )!;
    const theirs = screen.getByText('Cảm ơn ý kiến của Tổng LĐLĐ.').closest('article')!;
    expect(within(theirs).queryByRole('button', { name: 'Sửa' })).toBeNull();
    expect(within(theirs).queryByRole('button', { name: 'Xóa' })).toBeNull();
    await user.click(within(own).getByRole('button', { name: 'Sửa' }));
    await user.selectOptions(within(own).getByLabelText('Lập trường'), 'SUPPORT');
    await user.click(within(own).getByRole('button', { name: 'Lưu' }));
    const patch = await waitFor(() => {
      const found = sent.find((r) => r.method === 'PATCH');
      expect(found).toBeDefined();
      return found!;
    });
    expect(patch.headers.get('if-match')).toBe('"1"');
    expect(patch.body).toEqual({
      body: 'Số người rút BHXH một lần vẫn ở mức cao.',
      stance: 'SUPPORT',
    });
  });

  it('deletes only after confirmation, with If-Match', async () => {
    const { user, sent } = renderApp(
      COMMENTS,
      routes({ [`DELETE ${BASE}/comments/cm-1`]: { status: 204, body: null } }),
    );
    const own = (await screen.findByText('Số người rút BHXH một lần vẫn ở mức cao.')).closest(
      'article',
    )!;
    await user.click(within(own).getByRole('button', { name: 'Xóa' }));
    const confirm = within(own).getByRole('group', { name: 'Xóa bình luận này?' });
    await user.click(within(confirm).getByRole('button', { name: 'Hủy' }));
    expect(sent.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    await user.click(within(own).getByRole('button', { name: 'Xóa' }));
    await user.click(
      within(within(own).getByRole('group', { name: 'Xóa bình luận này?' })).getByRole('button', {
        name: 'Xóa',
      }),
    );
    await waitFor(() => expect(sent.filter((r) => r.method === 'DELETE')).toHaveLength(1));
    expect(sent.find((r) => r.method === 'DELETE')!.headers.get('if-match')).toBe('"1"');
  });

  it('shows a viewer the thread without composer, Reply, Edit or Delete', async () => {
    renderApp(COMMENTS, routes({ '/api/auth/me': meAs('VIEWER') }));
    await screen.findByText('Cảm ơn ý kiến của Tổng LĐLĐ.');
    expect(screen.queryByRole('form', { name: 'Viết bình luận' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Trả lời|Sửa|Xóa/ })).toBeNull();
  });

  it('invites the first comment when there is none, and only those who may write', async () => {
    renderApp(COMMENTS, routes({}, []));
    expect(
      await screen.findByText('Chưa có thảo luận nào. Hãy viết bình luận đầu tiên bên dưới.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Viết bình luận' })).toBeInTheDocument();
  });
});

describe('mentions', () => {
  it('offers the members by name after @, picks one with the keyboard and posts @email', async () => {
    const { user, sent } = renderApp(
      COMMENTS,
      routes({ [`POST ${BASE}/comments`]: (url: URL, body: unknown) => created(url, body) }),
    );
    const box = await screen.findByRole('textbox', { name: 'Viết bình luận' });
    await user.type(box, 'Đề nghị @ph');
    const options = await screen.findByRole('listbox', { name: 'Thành viên có thể nhắc đến' });
    expect(
      within(options)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([expect.stringMatching(/^Phạm Thu Hà/)]);
    await user.keyboard('{Enter}');
    expect(box).toHaveValue('Đề nghị @employer@demo.test ');
    expect(screen.queryByRole('listbox', { name: 'Thành viên có thể nhắc đến' })).toBeNull();

    // Arrows move through several matches; Escape closes the list and keeps the text.
    await user.type(box, 'và @n');
    await screen.findByRole('listbox', { name: 'Thành viên có thể nhắc đến' });
    await user.keyboard('{ArrowDown}{Escape}');
    expect(screen.queryByRole('listbox', { name: 'Thành viên có thể nhắc đến' })).toBeNull();
    expect(box).toHaveValue('Đề nghị @employer@demo.test và @n');

    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(sent.find((r) => r.method === 'POST')?.body).toMatchObject({
        body: 'Đề nghị @employer@demo.test và @n',
      }),
    );
  });

  it('keeps an unsent comment in this browser and offers it back', async () => {
    const first = renderApp(COMMENTS, routes());
    await first.user.type(
      await screen.findByRole('textbox', { name: 'Viết bình luận' }),
      'Ý kiến chưa gửi',
    );
    first.unmount();
    renderApp(COMMENTS, routes());
    expect(await screen.findByRole('textbox', { name: 'Viết bình luận' })).toHaveValue(
      'Ý kiến chưa gửi',
    );
  });
});

describe('reading comments', () => {
  it('renders mentions as names, safe links, paragraphs and deleted comments in place', async () => {
    const rich: Comment = {
      ...comments[0]!,
      id: 'cm-rich',
      body:
        'Xin ý kiến @official@demo.test và @stranger@else.test về **lộ trình**.\n' +
        'Xem [kế hoạch](https://docs.demo.test/ke-hoach.pdf) và [mẹo](javascript:alert(1)).\n\n' +
        '<img src=x onerror=alert(1)> đoạn hai',
      mentionedIds: ['u-official'],
    };
    const deleted: Comment = {
      ...comments[0]!,
      id: 'cm-gone',
      body: null,
      stance: null,
      deletedAt: '2026-03-05T02:00:00.000Z',
    };
    renderApp(COMMENTS, routes({ '/api/auth/me': meAs('VIEWER') }, [rich, deleted]));
    const article = (await screen.findByText(/Xin ý kiến/)).closest('article')!;
    const mention = await within(article).findByLabelText('Nhắc đến Nguyễn Thị Lan');
    expect(mention).toHaveTextContent('@Nguyễn Thị Lan');
    expect(article).toHaveTextContent('@stranger@else.test');
    expect(within(article).queryByLabelText(/stranger/)).toBeNull();
    expect(within(article).getByText('lộ trình').tagName).toBe('STRONG');
    const links = within(article).getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('href', 'https://docs.demo.test/ke-hoach.pdf');
    expect(links[0]).toHaveAttribute('rel', expect.stringContaining('noopener'));
    expect(article.querySelector('img')).toBeNull();
    expect(article).toHaveTextContent('<img src=x onerror=alert(1)> đoạn hai');
    expect(article.querySelectorAll('[data-comment-text] > p')).toHaveLength(2);
    expect(screen.getByText('Bình luận đã bị xóa.')).toBeInTheDocument();
  });
});
