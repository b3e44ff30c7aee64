import { createOtherWorkspace, type OtherWorkspace } from '../../test/other-workspace';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { oneWriteWins } from '../../test/race';

interface Comment {
  id: string;
  parentId: string | null;
  author: { id: string; displayName: string };
  body: string | null;
  stance: string | null;
  mentionedIds: string[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  version: number;
}
interface ErrorBody {
  statusCode: number;
  message: string;
  details?: { field: string; message: string }[];
}

const ROLES = {
  ADMIN: 'admin@demo.test',
  MANAGER: 'manager@demo.test',
  EDITOR: 'official@demo.test',
  PARTNER: 'union@demo.test',
  VIEWER: 'viewer@demo.test',
} as const;
type RoleName = keyof typeof ROLES;

/** If-Match naming the first (second) version of a comment. */
const V1 = { 'if-match': '"1"' };
const V2 = { 'if-match': '"2"' };

describe('comments: write, edit, delete', () => {
  let t: TestApp;
  let as: Record<RoleName, TestClient>;
  let employer: TestClient;
  let users: Record<string, string>;
  let commitmentId: string;
  let otherCommitmentId: string;
  let base: string;
  let other: OtherWorkspace;

  const url = (id = commitmentId) => `/api/workspaces/viet-nam/commitments/${id}/comments`;
  const fields = (body: unknown) => (body as ErrorBody).details?.map((d) => d.field) ?? [];
  const commentCount = () => t.prisma.comment.count();

  /** A comment written through the API by `author`. */
  async function write(author: TestClient, body = 'Ý kiến thử nghiệm', extra = {}) {
    const res = await author.post<Comment>(base, { body, ...extra });
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    const entries = await Promise.all(
      Object.entries(ROLES).map(async ([role, email]) => [role, await t.signIn(email)] as const),
    );
    as = Object.fromEntries(entries) as Record<RoleName, TestClient>;
    employer = await t.signIn('employer@demo.test');
    const accounts = await t.prisma.user.findMany({ select: { id: true, email: true } });
    users = Object.fromEntries(accounts.map((u) => [u.email, u.id]));
    const nq = await t.prisma.framework.findFirstOrThrow({ where: { code: 'NQ-42' } });
    const [first, second] = await t.prisma.commitment.findMany({
      where: { frameworkId: nq.id, reference: { in: ['1', '2'] } },
      orderBy: { reference: 'asc' },
    });
    commitmentId = first!.id;
    otherCommitmentId = second!.id;
    base = url();
    other = await createOtherWorkspace(t.prisma);
  });
  afterAll(() => t.close());

  describe('POST', () => {
    it.each(['ADMIN', 'MANAGER', 'EDITOR', 'PARTNER'] as const)(
      'lets a %s comment, as the author, with a stance',
      async (role) => {
        const res = await as[role].post<Comment>(base, {
          body: `**${role}** ủng hộ`,
          stance: 'SUPPORT',
        });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          parentId: null,
          author: { id: users[ROLES[role]] },
          body: `**${role}** ủng hộ`,
          stance: 'SUPPORT',
          editedAt: null,
          deletedAt: null,
        });
        const row = await t.prisma.comment.findUniqueOrThrow({ where: { id: res.body.id } });
        expect(row).toMatchObject({
          commitmentId,
          authorId: users[ROLES[role]],
          body: `**${role}** ủng hộ`,
        });
      },
    );

    it('refuses a VIEWER (403) and an anonymous caller (401), writing nothing', async () => {
      const before = await commentCount();
      expect((await as.VIEWER.post(base, { body: 'Tôi chỉ xem' })).status).toBe(403);
      expect((await t.anonymous.post(base, { body: 'Ẩn danh' })).status).toBe(401);
      expect(await commentCount()).toBe(before);
    });

    it.each([
      ['body', {}],
      ['body', { body: '' }],
      ['body', { body: '   \n ' }],
      ['body', { body: 'x'.repeat(5001) }],
      ['body', { body: 42 }],
      ['stance', { body: 'ok', stance: 'ANGRY' }],
      ['parentId', { body: 'ok', parentId: 'not-a-uuid' }],
      ['authorId', { body: 'ok', authorId: '00000000-0000-4000-8000-000000000000' }],
      ['workspaceId', { body: 'ok', workspaceId: '00000000-0000-4000-8000-000000000000' }],
    ])('answers 400 naming the field (%#: %s), writing nothing', async (field, payload) => {
      const before = await commentCount();
      const res = await as.PARTNER.post<ErrorBody>(base, payload);
      expect(res.status).toBe(400);
      expect(fields(res.body)).toContain(field);
      expect(await commentCount()).toBe(before);
    });

    it('accepts exactly 5000 characters', async () => {
      expect((await as.PARTNER.post(base, { body: 'x'.repeat(5000) })).status).toBe(201);
    });

    it('threads a reply under a comment of the same commitment', async () => {
      const parent = await write(as.PARTNER, 'Câu hỏi', { stance: 'QUESTION' });
      const reply = await write(as.EDITOR, 'Trả lời', { parentId: parent.id });
      expect(reply.parentId).toBe(parent.id);
    });

    it('answers 400 naming parentId for a comment of another commitment, workspace or none', async () => {
      const elsewhere = await as.PARTNER.post<Comment>(url(otherCommitmentId), {
        body: 'Ở chỗ khác',
      });
      expect(elsewhere.status).toBe(201);
      const before = await commentCount();
      for (const parentId of [
        elsewhere.body.id,
        other.commentId,
        '00000000-0000-4000-8000-000000000000',
      ]) {
        const res = await as.PARTNER.post<ErrorBody>(base, { body: 'Trả lời', parentId });
        expect(res.status).toBe(400);
        expect(fields(res.body)).toEqual(['parentId']);
      }
      expect(await commentCount()).toBe(before);
    });

    it("keeps @mentions of this workspace's members only", async () => {
      const comment = await write(
        as.EDITOR,
        `Nhờ @Union@demo.test và @employer@demo.test góp ý; không phải @nobody@demo.test, ` +
          `@${other.email} hay manager@demo.test.`,
      );
      expect([...comment.mentionedIds].sort()).toEqual(
        [users['union@demo.test'], users['employer@demo.test']].sort(),
      );
      const row = await t.prisma.comment.findUniqueOrThrow({ where: { id: comment.id } });
      expect([...row.mentionedIds].sort()).toEqual([...comment.mentionedIds].sort());
    });

    it("answers 404 for another workspace's commitment and for a non-member, writing nothing", async () => {
      const before = await commentCount();
      expect((await as.ADMIN.post(url(other.commitmentId), { body: 'Xin chào' })).status).toBe(404);
      expect(
        (
          await as.ADMIN.post(
            `/api/workspaces/${other.slug}/commitments/${other.commitmentId}/comments`,
            { body: 'x' },
          )
        ).status,
      ).toBe(404);
      const outsider = await t.signIn(other.email);
      expect((await outsider.post(base, { body: 'Người ngoài' })).status).toBe(404);
      expect((await outsider.get(base)).status).toBe(404);
      expect(await commentCount()).toBe(before);
    });
  });

  describe('PATCH', () => {
    it('lets the author change body and stance, marking it edited and re-reading mentions', async () => {
      const comment = await write(as.PARTNER, 'Bản đầu @employer@demo.test', { stance: 'CONCERN' });
      const res = await as.PARTNER.patch<Comment>(
        `${base}/${comment.id}`,
        { body: 'Bản sửa cho @official@demo.test', stance: 'SUPPORT' },
        V1,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: comment.id,
        body: 'Bản sửa cho @official@demo.test',
        stance: 'SUPPORT',
        mentionedIds: [users['official@demo.test']],
      });
      expect(res.body.editedAt).not.toBeNull();

      const cleared = await as.PARTNER.patch<Comment>(
        `${base}/${comment.id}`,
        { stance: null },
        { 'if-match': '"2"' },
      );
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ stance: null, body: 'Bản sửa cho @official@demo.test' });
    });

    it.each(['ADMIN', 'MANAGER', 'EDITOR'] as const)(
      "refuses a %s editing someone else's comment, changing nothing",
      async (role) => {
        const comment = await write(employer, 'Của VCCI', { stance: 'QUESTION' });
        const res = await as[role].patch(`${base}/${comment.id}`, { body: 'Sửa trộm' }, V1);
        expect(res.status).toBe(403);
        const row = await t.prisma.comment.findUniqueOrThrow({ where: { id: comment.id } });
        expect(row).toMatchObject({ body: 'Của VCCI', stance: 'QUESTION', editedAt: null });
      },
    );

    it('refuses a VIEWER (403)', async () => {
      const comment = await write(as.PARTNER);
      expect((await as.VIEWER.patch(`${base}/${comment.id}`, { body: 'x' }, V1)).status).toBe(403);
    });

    it.each([
      ['body', { body: '' }],
      ['body', { body: null }],
      ['body', { body: 'y'.repeat(5001) }],
      ['stance', { stance: 'MAYBE' }],
      ['parentId', { parentId: '00000000-0000-4000-8000-000000000000' }],
      ['authorId', { authorId: '00000000-0000-4000-8000-000000000000' }],
    ])('answers 400 naming the field (%#: %s), changing nothing', async (field, payload) => {
      const comment = await write(as.PARTNER, 'Nguyên văn');
      const res = await as.PARTNER.patch<ErrorBody>(`${base}/${comment.id}`, payload, V1);
      expect(res.status).toBe(400);
      expect(fields(res.body)).toContain(field);
      const row = await t.prisma.comment.findUniqueOrThrow({ where: { id: comment.id } });
      expect(row).toMatchObject({ body: 'Nguyên văn', editedAt: null });
    });

    it("answers 404 for another workspace's comment or one under another commitment", async () => {
      expect((await as.ADMIN.patch(`${base}/${other.commentId}`, { body: 'x' }, V1)).status).toBe(
        404,
      );
      const comment = await write(as.PARTNER);
      const wrongParent = await as.PARTNER.patch(
        `${url(otherCommitmentId)}/${comment.id}`,
        { body: 'x' },
        V1,
      );
      expect(wrongParent.status).toBe(404);
      const row = await t.prisma.comment.findUniqueOrThrow({ where: { id: other.commentId } });
      expect(row.body).toBe('Bình luận của không gian khác');
    });

    it('answers 400 naming commentId for a non-UUID id', async () => {
      const res = await as.PARTNER.patch<ErrorBody>(`${base}/abc`, { body: 'x' });
      expect(res.status).toBe(400);
      expect(fields(res.body)).toEqual(['commentId']);
    });
  });

  describe('DELETE', () => {
    it('lets the author delete; the thread keeps the comment with body null and its replies', async () => {
      const parent = await write(as.PARTNER, 'Sẽ xoá @official@demo.test', { stance: 'CONCERN' });
      const reply = await write(as.EDITOR, 'Trả lời vẫn còn', { parentId: parent.id });
      const res = await as.PARTNER.delete(`${base}/${parent.id}`, V1);
      expect(res.status).toBe(204);

      const row = await t.prisma.comment.findUniqueOrThrow({ where: { id: parent.id } });
      expect(row.deletedAt).not.toBeNull();

      const list = await as.VIEWER.get<{ items: Comment[] }>(base);
      const shown = list.body.items.find((c) => c.id === parent.id);
      expect(shown).toMatchObject({
        body: null,
        stance: null,
        mentionedIds: [],
        author: { id: users['union@demo.test'] },
      });
      expect(shown!.deletedAt).not.toBeNull();
      expect(list.body.items.find((c) => c.id === reply.id)).toMatchObject({
        parentId: parent.id,
        body: 'Trả lời vẫn còn',
      });
    });

    it("lets an ADMIN delete someone else's comment", async () => {
      const comment = await write(employer, 'Nội dung không phù hợp');
      expect((await as.ADMIN.delete(`${base}/${comment.id}`, V1)).status).toBe(204);
      const row = await t.prisma.comment.findUniqueOrThrow({ where: { id: comment.id } });
      expect(row.deletedAt).not.toBeNull();
    });

    it.each(['MANAGER', 'EDITOR', 'PARTNER', 'VIEWER'] as const)(
      "refuses a %s deleting someone else's comment, changing nothing",
      async (role) => {
        const comment = await write(employer, 'Giữ nguyên');
        expect((await as[role].delete(`${base}/${comment.id}`, V1)).status).toBe(403);
        const row = await t.prisma.comment.findUniqueOrThrow({ where: { id: comment.id } });
        expect(row.deletedAt).toBeNull();
      },
    );

    it('answers 404 once deleted: no second delete, no edit, no reply', async () => {
      const comment = await write(as.PARTNER, 'Xoá rồi');
      expect((await as.PARTNER.delete(`${base}/${comment.id}`, V1)).status).toBe(204);
      expect((await as.PARTNER.delete(`${base}/${comment.id}`, V2)).status).toBe(404);
      expect(
        (await as.PARTNER.patch(`${base}/${comment.id}`, { body: 'Sống lại' }, V2)).status,
      ).toBe(404);
      const reply = await as.EDITOR.post<ErrorBody>(base, {
        body: 'Trả lời',
        parentId: comment.id,
      });
      expect(reply.status).toBe(400);
      expect(fields(reply.body)).toEqual(['parentId']);
      const row = await t.prisma.comment.findUniqueOrThrow({ where: { id: comment.id } });
      expect(row.body).toBe('Xoá rồi');
    });

    it("answers 404 for another workspace's comment, even to an ADMIN, changing nothing", async () => {
      expect((await as.ADMIN.delete(`${base}/${other.commentId}`, V1)).status).toBe(404);
      expect(
        (await as.ADMIN.delete(`${url(other.commitmentId)}/${other.commentId}`, V1)).status,
      ).toBe(404);
      const row = await t.prisma.comment.findUniqueOrThrow({ where: { id: other.commentId } });
      expect(row.deletedAt).toBeNull();
    });
  });

  describe('optimistic concurrency', () => {
    type Stale = ErrorBody & { current: Comment };
    const stored = (id: string) => t.prisma.comment.findUniqueOrThrow({ where: { id } });

    it('requires If-Match to edit or delete: 428 without it or with *, nothing changed', async () => {
      const comment = await write(as.PARTNER, 'Nguyên văn');
      const before = await stored(comment.id);
      for (const headers of [undefined, { 'if-match': '*' }]) {
        expect(
          (await as.PARTNER.patch(`${base}/${comment.id}`, { body: 'x' }, headers)).status,
        ).toBe(428);
        expect((await as.PARTNER.delete(`${base}/${comment.id}`, headers)).status).toBe(428);
      }
      // Authorization first: someone else gets 403, not 428.
      expect((await employer.patch(`${base}/${comment.id}`, { body: 'x' })).status).toBe(403);
      expect((await employer.delete(`${base}/${comment.id}`)).status).toBe(403);
      expect(await stored(comment.id)).toEqual(before);
    });

    it('answers 412 with the stored comment for a stale If-Match, on edit and on delete, nothing changed', async () => {
      const comment = await write(as.PARTNER, 'Bản đầu');
      const edited = await as.PARTNER.patch<Comment>(
        `${base}/${comment.id}`,
        { body: 'Bản hai' },
        V1,
      );
      expect(edited.status).toBe(200);
      expect(edited.body.version).toBe(2);
      expect(edited.headers['etag']).toBe('"2"');
      const before = await stored(comment.id);
      const stale = await as.PARTNER.patch<Stale>(`${base}/${comment.id}`, { body: 'Bản ba' }, V1);
      expect(stale.status).toBe(412);
      expect(stale.body.current).toMatchObject({ id: comment.id, body: 'Bản hai', version: 2 });
      const staleDelete = await as.PARTNER.delete<Stale>(`${base}/${comment.id}`, V1);
      expect(staleDelete.status).toBe(412);
      expect(staleDelete.body.current).toMatchObject({ body: 'Bản hai', version: 2 });
      expect(await stored(comment.id)).toEqual(before);
      expect((await as.PARTNER.delete(`${base}/${comment.id}`, V2)).status).toBe(204);
      expect(await stored(comment.id)).toMatchObject({ version: 3 });
    });

    it('keeps the version (and editedAt) on an empty or identical edit', async () => {
      const comment = await write(as.PARTNER, 'Giữ nguyên', { stance: 'SUPPORT' });
      for (const payload of [{}, { body: 'Giữ nguyên', stance: 'SUPPORT' }]) {
        const res = await as.PARTNER.patch<Comment>(`${base}/${comment.id}`, payload, V1);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ version: 1, editedAt: null });
        expect(res.headers['etag']).toBe('"1"');
      }
      expect(await stored(comment.id)).toMatchObject({ version: 1, editedAt: null });
    });

    it('lets exactly one of many concurrent edits of one version through; the rest get 412', async () => {
      const comment = await write(as.PARTNER, 'Bản gốc');
      const { winner } = await oneWriteWins(12, (i) =>
        as.PARTNER.patch<Comment>(`${base}/${comment.id}`, { body: `Bản ${i}` }, V1),
      );
      expect(await stored(comment.id)).toMatchObject({ version: 2, body: winner.body });
    });

    it('lets exactly one of concurrent deletes and edits of one version through', async () => {
      const comment = await write(as.PARTNER, 'Bản gốc');
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 === 0
            ? as.PARTNER.delete(`${base}/${comment.id}`, V1)
            : as.PARTNER.patch(`${base}/${comment.id}`, { body: `Bản ${i}` }, V1),
        ),
      );
      const ok = responses.filter((r) => r.status === 200 || r.status === 204);
      expect(ok).toHaveLength(1);
      // The losers see 412 (the comment changed) or 404 (it was deleted first).
      expect(responses.every((r) => [200, 204, 404, 412].includes(r.status))).toBe(true);
      expect(await stored(comment.id)).toMatchObject({ version: 2 });
    });
  });
});
