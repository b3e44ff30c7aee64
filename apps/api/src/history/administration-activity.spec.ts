import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';

type Changes = Record<string, { before: unknown; after: unknown }>;

const WS = '/api/workspaces/viet-nam';

describe('audit events of administration and moderation', () => {
  let t: TestApp;
  let admin: TestClient;
  let manager: TestClient;
  let official: TestClient;
  let workspaceId: string;
  let adminId: string;
  let officialId: string;
  let molisa: string;
  let vgcl: string;
  let commitmentId: string;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await t.signIn('admin@demo.test');
    manager = await t.signIn('manager@demo.test');
    official = await t.signIn('official@demo.test');
    workspaceId = (await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } })).id;
    adminId = (await t.prisma.user.findUniqueOrThrow({ where: { email: 'admin@demo.test' } })).id;
    officialId = (await t.prisma.user.findUniqueOrThrow({ where: { email: 'official@demo.test' } }))
      .id;
    const org = (shortName: string) =>
      t.prisma.organization.findFirstOrThrow({ where: { workspaceId, shortName } });
    molisa = (await org('MOLISA')).id;
    vgcl = (await org('VGCL')).id;
    commitmentId = (
      await t.prisma.commitment.findFirstOrThrow({
        where: { workspaceId, leadOrgId: molisa, archived: false },
      })
    ).id;
  });
  afterAll(() => t.close());

  /** Every event recorded on one record, oldest first. */
  function eventsOn(entityId: string) {
    return t.prisma.activityEvent.findMany({
      where: { entityId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }
  const countAll = () => t.prisma.activityEvent.count();

  describe('members', () => {
    it('records an invitation with its role and organization, and never the link', async () => {
      const response = await admin.post<{
        member: { id: string };
        setPasswordUrl: string;
      }>(`${WS}/members`, {
        email: 'New.Person@Example.org',
        displayName: 'New Person',
        role: 'EDITOR',
        organizationId: molisa,
      });
      expect(response.status).toBe(201);
      const events = await eventsOn(response.body.member.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        workspaceId,
        actorId: adminId,
        commitmentId: null,
        entityType: 'member',
        action: 'invited',
      });
      expect(events[0]!.changes).toEqual({
        email: { before: null, after: 'new.person@example.org' },
        displayName: { before: null, after: 'New Person' },
        role: { before: null, after: 'EDITOR' },
        organizationId: { before: null, after: molisa },
        active: { before: null, after: true },
      });
      const token = new URL(response.body.setPasswordUrl).searchParams.get('token')!;
      expect(JSON.stringify(events)).not.toContain(token);
    });

    it('records adding someone who has a password already as "added"', async () => {
      const user = await t.prisma.user.create({
        data: {
          email: 'has-password@example.org',
          displayName: 'Has',
          passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash',
        },
      });
      const response = await admin.post<{ member: { id: string } }>(`${WS}/members`, {
        email: user.email,
        role: 'VIEWER',
      });
      expect(response.status).toBe(201);
      const events = await eventsOn(response.body.member.id);
      expect(events.map((e) => e.action)).toEqual(['added']);
      expect((events[0]!.changes as Changes).organizationId).toEqual({ before: null, after: null });
    });

    it('records a change of role, organization and activity with before and after; nothing for a no-op or a refusal', async () => {
      const invited = await admin.post<{ member: { id: string; version: number } }>(
        `${WS}/members`,
        { email: 'changes@example.org', role: 'VIEWER' },
      );
      const id = invited.body.member.id;
      const url = `${WS}/members/${id}`;
      const before = await countAll();

      // Refused: not an administrator (403), stale version (412), no-op.
      expect((await manager.patch(url, { role: 'EDITOR' }, { 'if-match': '"1"' })).status).toBe(
        403,
      );
      expect((await admin.patch(url, { role: 'EDITOR' }, { 'if-match': '"7"' })).status).toBe(412);
      expect((await admin.patch(url, { role: 'VIEWER' }, { 'if-match': '"1"' })).status).toBe(200);
      expect(await countAll()).toBe(before);

      const changed = await admin.patch(
        url,
        { role: 'EDITOR', organizationId: vgcl, active: false },
        { 'if-match': '"1"' },
      );
      expect(changed.status).toBe(200);
      const events = await eventsOn(id);
      expect(events.map((e) => e.action)).toEqual(['invited', 'updated']);
      expect(events[1]).toMatchObject({ actorId: adminId, commitmentId: null });
      expect(events[1]!.changes).toEqual({
        role: { before: 'VIEWER', after: 'EDITOR' },
        organizationId: { before: null, after: vgcl },
        active: { before: true, after: false },
      });
      expect(await countAll()).toBe(before + 1);
    });

    it('records nothing when the last administrator would be demoted (409)', async () => {
      const adminMembership = await t.prisma.membership.findFirstOrThrow({
        where: { workspaceId, userId: adminId },
      });
      const before = await countAll();
      const response = await admin.patch(
        `${WS}/members/${adminMembership.id}`,
        { role: 'VIEWER' },
        { 'if-match': `"${adminMembership.version}"` },
      );
      expect(response.status).toBe(409);
      expect(await countAll()).toBe(before);
    });

    it('records a re-issued set-password link without the link, and nothing for a refused one', async () => {
      const invited = await admin.post<{ member: { id: string } }>(`${WS}/members`, {
        email: 'relink@example.org',
        role: 'VIEWER',
      });
      const id = invited.body.member.id;
      const response = await admin.post<{ setPasswordUrl: string }>(
        `${WS}/members/${id}/invitation`,
      );
      expect(response.status).toBe(201);
      const events = await eventsOn(id);
      expect(events.map((e) => e.action)).toEqual(['invited', 'passwordLinkIssued']);
      expect(events[1]).toMatchObject({ actorId: adminId, changes: {} });
      const token = new URL(response.body.setPasswordUrl).searchParams.get('token')!;
      expect(JSON.stringify(events)).not.toContain(token);

      const officialMembership = await t.prisma.membership.findFirstOrThrow({
        where: { workspaceId, userId: officialId },
      });
      const before = await countAll();
      expect((await admin.post(`${WS}/members/${officialMembership.id}/invitation`)).status).toBe(
        409,
      );
      expect(await countAll()).toBe(before);
    });
  });

  describe('organizations', () => {
    it('records creation, edits and deletion with their fields; nothing for refusals and no-ops', async () => {
      const created = await admin.post<{ id: string }>(`${WS}/organizations`, {
        shortName: 'AUD',
        name: { vi: 'Tổ chức kiểm toán', en: 'Audit org' },
        constituency: 'OTHER',
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const url = `${WS}/organizations/${id}`;
      let events = await eventsOn(id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'created',
        entityType: 'organization',
        actorId: adminId,
        commitmentId: null,
        changes: {
          shortName: { before: null, after: 'AUD' },
          nameVi: { before: null, after: 'Tổ chức kiểm toán' },
          nameEn: { before: null, after: 'Audit org' },
          constituency: { before: null, after: 'OTHER' },
        },
      });

      const before = await countAll();
      expect(
        (await admin.patch(url, { constituency: 'OTHER' }, { 'if-match': '"1"' })).status,
      ).toBe(200);
      expect(
        (await admin.patch(url, { constituency: 'WORKERS' }, { 'if-match': '"9"' })).status,
      ).toBe(412);
      expect(
        (await manager.patch(url, { constituency: 'WORKERS' }, { 'if-match': '"1"' })).status,
      ).toBe(403);
      expect(
        (
          await admin.post(`${WS}/organizations`, {
            shortName: 'AUD',
            name: { vi: 'Trùng', en: 'Duplicate' },
            constituency: 'OTHER',
          })
        ).status,
      ).toBe(409);
      expect(await countAll()).toBe(before);

      expect(
        (
          await admin.patch(
            url,
            {
              constituency: 'WORKERS',
              name: { vi: 'Tổ chức kiểm toán', en: 'Audit organization' },
            },
            { 'if-match': '"1"' },
          )
        ).status,
      ).toBe(200);
      expect((await admin.delete(url, { 'if-match': '"2"' })).status).toBe(204);
      events = await eventsOn(id);
      expect(events.map((e) => e.action)).toEqual(['created', 'updated', 'deleted']);
      expect(events[1]!.changes).toEqual({
        nameEn: { before: 'Audit org', after: 'Audit organization' },
        constituency: { before: 'OTHER', after: 'WORKERS' },
      });
      expect(events[2]!.changes).toEqual({
        shortName: { before: 'AUD', after: null },
        nameVi: { before: 'Tổ chức kiểm toán', after: null },
        nameEn: { before: 'Audit organization', after: null },
        constituency: { before: 'WORKERS', after: null },
      });
    });

    it('records nothing when a referenced organization cannot be deleted (409)', async () => {
      const row = await t.prisma.organization.findUniqueOrThrow({ where: { id: molisa } });
      const before = await countAll();
      const response = await admin.delete(`${WS}/organizations/${molisa}`, {
        'if-match': `"${row.version}"`,
      });
      expect(response.status).toBe(409);
      expect(await countAll()).toBe(before);
    });
  });

  describe('frameworks', () => {
    it('records creation and edits with calendar dates; nothing for a no-op or a stale edit', async () => {
      const created = await admin.post<{ id: string }>(`${WS}/frameworks`, {
        code: 'AUD-FW',
        title: { vi: 'Khung kiểm toán', en: 'Audit framework' },
        adoptedOn: '2025-03-01',
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const url = `${WS}/frameworks/${id}`;
      const before = await countAll();
      expect((await admin.patch(url, { code: 'AUD-FW' }, { 'if-match': '"1"' })).status).toBe(200);
      expect((await admin.patch(url, { code: 'AUD-2' }, { 'if-match': '"5"' })).status).toBe(412);
      expect(await countAll()).toBe(before);
      expect(
        (await admin.patch(url, { code: 'AUD-2', adoptedOn: '2025-04-02' }, { 'if-match': '"1"' }))
          .status,
      ).toBe(200);
      const events = await eventsOn(id);
      expect(events.map((e) => e.action)).toEqual(['created', 'updated']);
      expect(events[0]).toMatchObject({ entityType: 'framework', actorId: adminId });
      expect(events[0]!.changes).toMatchObject({
        code: { before: null, after: 'AUD-FW' },
        titleEn: { before: null, after: 'Audit framework' },
        adoptedOn: { before: null, after: '2025-03-01' },
      });
      expect(events[1]!.changes).toEqual({
        code: { before: 'AUD-FW', after: 'AUD-2' },
        adoptedOn: { before: '2025-03-01', after: '2025-04-02' },
      });
    });
  });

  describe('comments', () => {
    const comments = () => `${WS}/commitments/${commitmentId}/comments`;

    it('records creation, edits and deletion under the commitment (in its history too)', async () => {
      const created = await official.post<{ id: string }>(comments(), {
        body: 'Cần thêm số liệu',
        stance: 'CONCERN',
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const before = await countAll();
      // No-op edit, someone else's edit (403), stale edit (412): nothing recorded.
      expect(
        (await official.patch(`${comments()}/${id}`, { stance: 'CONCERN' }, { 'if-match': '"1"' }))
          .status,
      ).toBe(200);
      expect(
        (await admin.patch(`${comments()}/${id}`, { body: 'x' }, { 'if-match': '"1"' })).status,
      ).toBe(403);
      expect(
        (await official.patch(`${comments()}/${id}`, { body: 'x' }, { 'if-match': '"4"' })).status,
      ).toBe(412);
      expect((await manager.delete(`${comments()}/${id}`, { 'if-match': '"1"' })).status).toBe(403);
      expect(await countAll()).toBe(before);

      expect(
        (
          await official.patch(
            `${comments()}/${id}`,
            { body: 'Cần thêm số liệu 2026', stance: 'QUESTION' },
            { 'if-match': '"1"' },
          )
        ).status,
      ).toBe(200);
      expect((await official.delete(`${comments()}/${id}`, { 'if-match': '"2"' })).status).toBe(
        204,
      );
      const events = await eventsOn(id);
      expect(events.map((e) => e.action)).toEqual(['created', 'edited', 'deleted']);
      for (const event of events) {
        expect(event).toMatchObject({ commitmentId, entityType: 'comment', actorId: officialId });
      }
      expect(events[0]!.changes).toEqual({
        body: { before: null, after: 'Cần thêm số liệu' },
        stance: { before: null, after: 'CONCERN' },
        parentId: { before: null, after: null },
      });
      expect(events[1]!.changes).toEqual({
        body: { before: 'Cần thêm số liệu', after: 'Cần thêm số liệu 2026' },
        stance: { before: 'CONCERN', after: 'QUESTION' },
      });
      expect(Object.keys(events[2]!.changes as Changes)).toEqual(['deletedAt']);

      const history = await official.get<{ items: { entityId: string; action: string }[] }>(
        `${WS}/commitments/${commitmentId}/history?limit=100`,
      );
      expect(history.body.items.filter((e) => e.entityId === id).map((e) => e.action)).toEqual([
        'deleted',
        'edited',
        'created',
      ]);
    });

    it("says when an administrator moderated someone else's comment", async () => {
      const created = await official.post<{ id: string }>(comments(), { body: 'Nội dung' });
      const response = await admin.delete(`${comments()}/${created.body.id}`, {
        'if-match': '"1"',
      });
      expect(response.status).toBe(204);
      const events = await eventsOn(created.body.id);
      expect(events.map((e) => [e.action, e.actorId])).toEqual([
        ['created', officialId],
        ['moderated', adminId],
      ]);
      // The moderated text is not copied into a trail every reader sees.
      expect(JSON.stringify(events[1]!.changes)).not.toContain('Nội dung');
    });
  });

  it('records who created a workspace', async () => {
    const response = await official.post<{ id: string }>('/api/workspaces', {
      slug: 'audit-ws',
      name: 'Audit workspace',
    });
    expect(response.status).toBe(201);
    const events = await eventsOn(response.body.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      workspaceId: response.body.id,
      actorId: officialId,
      commitmentId: null,
      entityType: 'workspace',
      action: 'created',
      changes: {
        slug: { before: null, after: 'audit-ws' },
        name: { before: null, after: 'Audit workspace' },
      },
    });
  });

  it('never stores a secret or a password hash in any event', async () => {
    const all = JSON.stringify(await t.prisma.activityEvent.findMany());
    const users = await t.prisma.user.findMany({ where: { passwordHash: { not: null } } });
    for (const user of users) expect(all).not.toContain(user.passwordHash!);
    expect(all).not.toMatch(/spct_p|set-password|passwordHash|tokenHash/);
  });
});
