import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { uniqueSlug } from '../../test/accounts';

interface Workspace {
  id: string;
  slug: string;
  name: string;
  isDemo: boolean;
}
interface ErrorBody {
  details?: { field: string }[];
}

const fields = (body: unknown) => ((body as ErrorBody).details ?? []).map((d) => d.field);

describe('POST /api/workspaces', () => {
  let t: TestApp;
  let viewer: TestClient;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    viewer = await t.signIn('viewer@demo.test');
  });
  afterAll(() => t.close());

  it('lets any signed-in user create a workspace and makes them its administrator', async () => {
    const slug = uniqueSlug('lao');
    const { status, body } = await viewer.post<Workspace>('/api/workspaces', {
      slug,
      name: '  Lào  ',
    });
    expect(status).toBe(201);
    expect(body).toEqual({ id: expect.any(String), slug, name: 'Lào', isDemo: false });

    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: 'viewer@demo.test' } });
    const membership = await t.prisma.membership.findUniqueOrThrow({
      where: { userId_workspaceId: { userId: user.id, workspaceId: body.id } },
    });
    expect(membership).toMatchObject({ role: 'ADMIN', organizationId: null, active: true });

    const mine = await viewer.get<{ items: Workspace[] }>('/api/workspaces');
    expect(mine.body.items.map((w) => w.slug)).toContain(slug);
    // The creator administers it at once (and is still a viewer in the demo workspace).
    const invite = await viewer.post(`/api/workspaces/${slug}/members`, {
      email: 'colleague@example.org',
      role: 'EDITOR',
    });
    expect(invite.status).toBe(201);
    expect(
      (
        await viewer.post('/api/workspaces/viet-nam/members', {
          email: 'x@example.org',
          role: 'VIEWER',
        })
      ).status,
    ).toBe(403);
  });

  it('answers 409 for a slug that is taken, and creates nothing', async () => {
    const before = await t.prisma.workspace.count();
    const { status } = await viewer.post('/api/workspaces', { slug: 'viet-nam', name: 'Copy' });
    expect(status).toBe(409);
    expect(await t.prisma.workspace.count()).toBe(before);
    expect(
      await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } }),
    ).toMatchObject({ name: 'Việt Nam' });
  });

  it.each([
    [{ slug: 'ab', name: 'Too short' }, 'slug'],
    [{ slug: 'a'.repeat(41), name: 'Too long' }, 'slug'],
    [{ slug: 'Upper-Case', name: 'Upper case' }, 'slug'],
    [{ slug: 'with space', name: 'Space' }, 'slug'],
    [{ slug: 'under_score', name: 'Underscore' }, 'slug'],
    [{ slug: 'việt-nam', name: 'Accents' }, 'slug'],
    [{ name: 'No slug' }, 'slug'],
    [{ slug: 'no-name' }, 'name'],
    [{ slug: 'blank-name', name: '   ' }, 'name'],
    [{ slug: 'demo-flag', name: 'Demo', isDemo: true }, 'isDemo'],
    [{ slug: 'with-id', name: 'Id', id: '00000000-0000-4000-8000-000000000000' }, 'id'],
  ])('answers 400 naming the field for %j', async (payload, field) => {
    const before = await t.prisma.workspace.count();
    const { status, body } = await viewer.post('/api/workspaces', payload);
    expect(status).toBe(400);
    expect(fields(body)).toContain(field);
    expect(await t.prisma.workspace.count()).toBe(before);
  });

  it('accepts slugs of exactly 3 and 40 characters', async () => {
    for (const slug of ['a-1', `x${'0'.repeat(30)}-${'z'.repeat(8)}`]) {
      expect(slug.length === 3 || slug.length === 40).toBe(true);
      const { status } = await viewer.post('/api/workspaces', { slug, name: slug });
      expect(status).toBe(201);
    }
  });

  it('refuses anonymous callers with 401', async () => {
    const { status } = await t.anonymous.post('/api/workspaces', { slug: 'anon-ws', name: 'Anon' });
    expect(status).toBe(401);
    expect(await t.prisma.workspace.count({ where: { slug: 'anon-ws' } })).toBe(0);
  });
});
