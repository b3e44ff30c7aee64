import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { oneWriteWins } from '../../test/race';

interface Organization {
  id: string;
  shortName: string;
  name: { vi: string; en: string };
  constituency: string;
  version: number;
}
interface ErrorBody {
  statusCode: number;
  message: string;
  current?: Organization;
  details?: { field: string }[];
}

const ORGS = '/api/workspaces/viet-nam/organizations';

describe('organizations under optimistic concurrency', () => {
  let t: TestApp;
  let admin: TestClient;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
  });
  afterAll(() => t.close());

  async function newOrg(): Promise<Organization> {
    const shortName = `CC${++seq}`;
    const { status, body } = await admin.post<Organization>(ORGS, {
      shortName,
      name: { vi: `Tổ chức ${shortName}`, en: `Organization ${shortName}` },
      constituency: 'OTHER',
    });
    expect(status).toBe(201);
    expect(body.version).toBe(1);
    return body;
  }
  const stored = (id: string) => t.prisma.organization.findUnique({ where: { id } });

  it('lists organizations with their version', async () => {
    const org = await newOrg();
    const list = await admin.get<{ items: Organization[] }>(ORGS);
    expect(list.body.items.find((o) => o.id === org.id)).toMatchObject({ version: 1 });
  });

  it.each([
    ['no If-Match', {}],
    ['If-Match *', { 'if-match': '*' }],
  ])('answers 428 to an edit or delete with %s, changing nothing', async (_, headers) => {
    const org = await newOrg();
    const before = await stored(org.id);
    const edit = await admin.patch<ErrorBody>(`${ORGS}/${org.id}`, { shortName: 'X' }, headers);
    expect(edit.status).toBe(428);
    expect((await admin.delete(`${ORGS}/${org.id}`, headers)).status).toBe(428);
    expect(await stored(org.id)).toEqual(before);
  });

  it('answers 412 with the stored organization to a stale edit or delete, changing nothing', async () => {
    const org = await newOrg();
    const first = await admin.patch<Organization>(
      `${ORGS}/${org.id}`,
      { constituency: 'WORKERS' },
      { 'if-match': '"1"' },
    );
    expect(first.status).toBe(200);
    const before = await stored(org.id);
    for (const response of [
      await admin.patch<ErrorBody>(
        `${ORGS}/${org.id}`,
        { shortName: 'STALE' },
        { 'if-match': '"1"' },
      ),
      await admin.delete<ErrorBody>(`${ORGS}/${org.id}`, { 'if-match': '"1"' }),
      // A weak tag never matches (strong comparison).
      await admin.patch<ErrorBody>(
        `${ORGS}/${org.id}`,
        { shortName: 'WEAK' },
        { 'if-match': 'W/"2"' },
      ),
    ]) {
      expect(response.status).toBe(412);
      expect(response.body.current).toEqual({ ...first.body, version: 2 });
    }
    expect(await stored(org.id)).toEqual(before);
  });

  it('bumps the version and the ETag on a change, not on an empty or identical edit', async () => {
    const org = await newOrg();
    const url = `${ORGS}/${org.id}`;
    const changed = await admin.patch<Organization>(
      url,
      { name: { vi: 'Tên mới', en: 'New name' } },
      { 'if-match': '"1"' },
    );
    expect([changed.status, changed.body.version, changed.headers.etag]).toEqual([200, 2, '"2"']);
    expect(await stored(org.id)).toMatchObject({ version: 2, nameEn: 'New name' });

    for (const body of [{}, { name: { vi: 'Tên mới', en: 'New name' }, constituency: 'OTHER' }]) {
      const same = await admin.patch<Organization>(url, body, { 'if-match': '"2"' });
      expect([same.status, same.body.version, same.headers.etag]).toEqual([200, 2, '"2"']);
    }
    expect(await stored(org.id)).toMatchObject({ version: 2 });
  });

  it('refuses version in the body (400 naming it), changing nothing', async () => {
    const org = await newOrg();
    const { status, body } = await admin.patch<ErrorBody>(
      `${ORGS}/${org.id}`,
      { version: 7 },
      { 'if-match': '"1"' },
    );
    expect(status).toBe(400);
    expect(body.details?.map((d) => d.field)).toContain('version');
    expect(await stored(org.id)).toMatchObject({ version: 1 });
  });

  it('answers 404 before 428 for an unknown organization', async () => {
    expect((await admin.patch(`${ORGS}/${crypto.randomUUID()}`, { shortName: 'X' })).status).toBe(
      404,
    );
    expect((await admin.delete(`${ORGS}/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('deletes with the current If-Match (204)', async () => {
    const org = await newOrg();
    const { status } = await admin.delete(`${ORGS}/${org.id}`, { 'if-match': '"1"' });
    expect(status).toBe(204);
    expect(await stored(org.id)).toBeNull();
  });

  it('lets exactly one of 12 concurrent edits of one version win; the others get 412', async () => {
    const org = await newOrg();
    const { winner, losers } = await oneWriteWins(12, (i) =>
      admin.patch<Organization & ErrorBody>(
        `${ORGS}/${org.id}`,
        { shortName: `${org.shortName}-${i}` },
        { 'if-match': '"1"' },
      ),
    );
    expect(winner.version).toBe(2);
    expect(await stored(org.id)).toMatchObject({ version: 2, shortName: winner.shortName });
    for (const loser of losers) {
      expect(loser.body.current).toMatchObject({ version: 2, shortName: winner.shortName });
    }
  });

  it('lets one of concurrent edits and deletes of one version win', async () => {
    const org = await newOrg();
    const url = `${ORGS}/${org.id}`;
    const responses = await Promise.all([
      ...Array.from({ length: 5 }, (_, i) =>
        admin.patch(url, { shortName: `${org.shortName}-D${i}` }, { 'if-match': '"1"' }),
      ),
      ...Array.from({ length: 5 }, () => admin.delete(url, { 'if-match': '"1"' })),
    ]);
    const succeeded = responses.filter((r) => r.status >= 200 && r.status < 300);
    expect(succeeded).toHaveLength(1);
    // The others find the row changed (412) or, after the delete, gone (404).
    expect(responses.every((r) => [200, 204, 404, 412].includes(r.status))).toBe(true);
    const row = await stored(org.id);
    if (succeeded[0]!.status === 204) expect(row).toBeNull();
    else expect(row).toMatchObject({ version: 2 });
  });
});
