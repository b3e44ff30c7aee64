import { createMember, uniqueSlug } from '../../test/accounts';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';

interface Organization {
  id: string;
  shortName: string;
  name: { vi: string; en: string };
  constituency: string;
  version: number;
}
interface ErrorBody {
  message: string;
  details?: { field: string }[];
}

const ORGS = '/api/workspaces/viet-nam/organizations';
const fields = (body: unknown) => ((body as ErrorBody).details ?? []).map((d) => d.field);

describe('organizations management', () => {
  let t: TestApp;
  let admin: TestClient;
  let workspaceId: string;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    workspaceId = (await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } })).id;
  });
  afterAll(() => t.close());

  async function newOrg(shortName = `ORG${++seq}`): Promise<Organization> {
    const { status, body } = await admin.post<Organization>(ORGS, {
      shortName,
      name: { vi: `Tổ chức ${shortName}`, en: `Organization ${shortName}` },
      constituency: 'OTHER',
    });
    expect(status).toBe(201);
    return body;
  }

  const snapshot = () => t.prisma.organization.findMany({ orderBy: { id: 'asc' } });

  /** If-Match naming the organization's stored version ("1" for one that does not exist). */
  async function at(id: string): Promise<Record<string, string>> {
    const row = await t.prisma.organization.findUnique({ where: { id } });
    return { 'if-match': `"${row?.version ?? 1}"` };
  }

  it('lets an administrator add an organization, shown in the list', async () => {
    const { status, body } = await admin.post<Organization>(ORGS, {
      shortName: ' VWU ',
      name: { vi: 'Hội Liên hiệp Phụ nữ Việt Nam', en: "Viet Nam Women's Union" },
      constituency: 'OTHER',
    });
    expect(status).toBe(201);
    expect(body).toEqual({
      id: expect.any(String),
      shortName: 'VWU',
      name: { vi: 'Hội Liên hiệp Phụ nữ Việt Nam', en: "Viet Nam Women's Union" },
      constituency: 'OTHER',
      version: 1,
    });
    const row = await t.prisma.organization.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ workspaceId, shortName: 'VWU', constituency: 'OTHER' });
    const viewer = await t.signIn('viewer@demo.test');
    const list = await viewer.get<{ items: Organization[] }>(ORGS);
    expect(list.body.items.map((o) => o.shortName)).toContain('VWU');
  });

  it('answers 409 for a short name taken in the workspace, but not for one taken elsewhere', async () => {
    const before = await snapshot();
    const { status } = await admin.post(ORGS, {
      shortName: 'MOLISA',
      name: { vi: 'Trùng', en: 'Duplicate' },
      constituency: 'GOVERNMENT',
    });
    expect(status).toBe(409);
    expect(await snapshot()).toEqual(before);

    const slug = uniqueSlug();
    const other = await createMember(t, { slug, role: 'ADMIN' });
    const elsewhere = await other.client.post(`/api/workspaces/${slug}/organizations`, {
      shortName: 'MOLISA',
      name: { vi: 'Bộ', en: 'Ministry' },
      constituency: 'GOVERNMENT',
    });
    expect(elsewhere.status).toBe(201);
  });

  it.each([
    [{ shortName: 'X1', name: { vi: 'a', en: 'b' }, constituency: 'NGO' }, 'constituency'],
    [{ shortName: 'X2', name: { vi: 'a' }, constituency: 'OTHER' }, 'name.en'],
    [{ shortName: 'X3', name: { vi: ' ', en: 'b' }, constituency: 'OTHER' }, 'name.vi'],
    [{ shortName: 'X4', name: 'plain', constituency: 'OTHER' }, 'name'],
    [{ shortName: '', name: { vi: 'a', en: 'b' }, constituency: 'OTHER' }, 'shortName'],
    [{ name: { vi: 'a', en: 'b' }, constituency: 'OTHER' }, 'shortName'],
    [
      {
        shortName: 'X5',
        name: { vi: 'a', en: 'b' },
        constituency: 'OTHER',
        workspaceId: '00000000-0000-4000-8000-000000000000',
      },
      'workspaceId',
    ],
    [{ shortName: 'X6', name: { vi: 'a', en: 'b', fr: 'c' }, constituency: 'OTHER' }, 'name.fr'],
  ])('answers 400 naming the field for %j, creating nothing', async (payload, field) => {
    const before = await snapshot();
    const { status, body } = await admin.post(ORGS, payload);
    expect(status).toBe(400);
    expect(fields(body)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it('lets an administrator rename an organization and change its constituency', async () => {
    const org = await newOrg();
    const { status, body } = await admin.patch<Organization>(
      `${ORGS}/${org.id}`,
      {
        shortName: `${org.shortName}-X`,
        name: { vi: 'Tên mới', en: 'New name' },
      },
      await at(org.id),
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      id: org.id,
      shortName: `${org.shortName}-X`,
      name: { vi: 'Tên mới', en: 'New name' },
      constituency: 'OTHER',
      version: 2,
    });
    const changed = await admin.patch<Organization>(
      `${ORGS}/${org.id}`,
      { constituency: 'WORKERS' },
      await at(org.id),
    );
    expect(changed.body).toMatchObject({
      shortName: `${org.shortName}-X`,
      constituency: 'WORKERS',
    });
    expect(await t.prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      shortName: `${org.shortName}-X`,
      nameVi: 'Tên mới',
      nameEn: 'New name',
      constituency: 'WORKERS',
    });
  });

  it('refuses bad edits with 400 naming the field, and duplicates with 409, changing nothing', async () => {
    const org = await newOrg();
    const before = await snapshot();
    for (const [payload, field] of [
      [{ shortName: null }, 'shortName'],
      [{ name: null }, 'name'],
      [{ constituency: 'NGO' }, 'constituency'],
      [{ id: '00000000-0000-4000-8000-000000000000' }, 'id'],
      [{ workspaceId: '00000000-0000-4000-8000-000000000000' }, 'workspaceId'],
    ] as const) {
      const { status, body } = await admin.patch(`${ORGS}/${org.id}`, payload, await at(org.id));
      expect([status, fields(body)]).toEqual([400, expect.arrayContaining([field])]);
    }
    expect(
      (await admin.patch(`${ORGS}/${org.id}`, { shortName: 'VGCL' }, await at(org.id))).status,
    ).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it.each(['manager', 'official', 'union', 'viewer'])(
    'refuses %s@demo.test (not an administrator) with 403 on every write, changing nothing',
    async (who) => {
      const org = await newOrg();
      const client = await t.signIn(`${who}@demo.test`);
      const before = await snapshot();
      const create = await client.post(ORGS, {
        shortName: `BY-${who}`,
        name: { vi: 'a', en: 'b' },
        constituency: 'OTHER',
      });
      expect(create.status).toBe(403);
      expect(
        (await client.patch(`${ORGS}/${org.id}`, { constituency: 'WORKERS' }, await at(org.id)))
          .status,
      ).toBe(403);
      expect((await client.delete(`${ORGS}/${org.id}`, await at(org.id))).status).toBe(403);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('treats organizations of another workspace as unknown (404), changing nothing', async () => {
    const slug = uniqueSlug();
    const other = await createMember(t, { slug, role: 'ADMIN' });
    const molisa = await t.prisma.organization.findFirstOrThrow({
      where: { workspaceId, shortName: 'MOLISA' },
    });
    const before = await snapshot();
    const theirs = `/api/workspaces/${slug}/organizations/${molisa.id}`;
    expect(
      (await other.client.patch(theirs, { shortName: 'MINE' }, await at(molisa.id))).status,
    ).toBe(404);
    expect((await other.client.delete(theirs, await at(molisa.id))).status).toBe(404);
    expect(
      (await other.client.patch(`${ORGS}/${molisa.id}`, { shortName: 'MINE' }, await at(molisa.id)))
        .status,
    ).toBe(404);
    const foreign = await other.client.post<Organization>(`/api/workspaces/${slug}/organizations`, {
      shortName: 'THEIRS',
      name: { vi: 'a', en: 'b' },
      constituency: 'OTHER',
    });
    const afterCreate = await snapshot();
    expect(
      (
        await admin.patch(
          `${ORGS}/${foreign.body.id}`,
          { shortName: 'OURS' },
          await at(foreign.body.id),
        )
      ).status,
    ).toBe(404);
    expect(
      (await admin.delete(`${ORGS}/${foreign.body.id}`, await at(foreign.body.id))).status,
    ).toBe(404);
    expect(await snapshot()).toEqual(afterCreate);
    expect(afterCreate.filter((o) => !before.some((b) => b.id === o.id))).toHaveLength(1);
    expect((await admin.delete(`${ORGS}/not-a-uuid`)).status).toBe(400);
  });

  describe('DELETE', () => {
    it('removes an organization nothing refers to (204)', async () => {
      const org = await newOrg();
      const { status } = await admin.delete(`${ORGS}/${org.id}`, await at(org.id));
      expect(status).toBe(204);
      expect(await t.prisma.organization.count({ where: { id: org.id } })).toBe(0);
      expect((await admin.delete(`${ORGS}/${org.id}`, await at(org.id))).status).toBe(404);
    });

    it('refuses (409) while commitments lead it', async () => {
      const molisa = await t.prisma.organization.findFirstOrThrow({
        where: { workspaceId, shortName: 'MOLISA' },
      });
      expect(await t.prisma.commitment.count({ where: { leadOrgId: molisa.id } })).toBeGreaterThan(
        0,
      );
      const { status, body } = await admin.delete<ErrorBody>(
        `${ORGS}/${molisa.id}`,
        await at(molisa.id),
      );
      expect(status).toBe(409);
      expect(body.message).toMatch(/commitments/);
      expect(await t.prisma.organization.count({ where: { id: molisa.id } })).toBe(1);
    });

    it('refuses (409) while it is co-responsible for a commitment, holds a position or has members', async () => {
      const commitment = await t.prisma.commitment.findFirstOrThrow({ where: { workspaceId } });
      const [coOrg, positioned, staffed] = [await newOrg(), await newOrg(), await newOrg()];
      await t.prisma.commitmentCoOrganization.create({
        data: { commitmentId: commitment.id, organizationId: coOrg.id },
      });
      await t.prisma.position.create({
        data: {
          workspaceId,
          commitmentId: commitment.id,
          organizationId: positioned.id,
          position: 'AGREE',
          rationale: 'Test',
          decidedOn: new Date('2026-01-15T00:00:00.000Z'),
        },
      });
      await createMember(t, { slug: 'viet-nam', role: 'PARTNER', organizationId: staffed.id });

      for (const [org, what] of [
        [coOrg, 'commitments'],
        [positioned, 'positions'],
        [staffed, 'members'],
      ] as const) {
        const { status, body } = await admin.delete<ErrorBody>(
          `${ORGS}/${org.id}`,
          await at(org.id),
        );
        expect(status).toBe(409);
        expect(body.message).toContain(`1 ${what}`);
        expect(await t.prisma.organization.count({ where: { id: org.id } })).toBe(1);
      }
      expect(
        await t.prisma.commitmentCoOrganization.count({ where: { organizationId: coOrg.id } }),
      ).toBe(1);
      expect(await t.prisma.position.count({ where: { organizationId: positioned.id } })).toBe(1);
      expect(await t.prisma.membership.count({ where: { organizationId: staffed.id } })).toBe(1);
    });
  });
});
