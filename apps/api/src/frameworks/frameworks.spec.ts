import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';

interface Node {
  reference: string;
  status: string;
  trackedStatus: string | null;
  leadOrgId: string | null;
  progress: number;
  weight: number;
  children: Node[];
}
interface Framework {
  id: string;
  code: string;
  progress: number;
  commitmentCount: number;
  untrackedCount: number;
  statusCounts: Record<string, number>;
}

describe('frameworks', () => {
  let t: TestApp;
  let viewer: TestClient;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    viewer = await t.signIn('viewer@demo.test');
  });
  afterAll(() => t.close());

  it('lists the six built-in frameworks with the counts of their trackable items', async () => {
    const { status, body } = await viewer.get<{ items: Framework[] }>(
      '/api/workspaces/viet-nam/frameworks',
    );
    expect(status).toBe(200);
    expect(body.items.map((f) => f.code).sort()).toEqual([
      'C102',
      'DWCP',
      'ILC-2021',
      'NQ-42',
      'R202',
      'SPF-FP',
    ]);
    for (const f of body.items) {
      // Trackable items: not archived, no child that is not archived (sections roll up).
      const trackable = {
        frameworkId: f.id,
        archived: false,
        children: { none: { archived: false } },
      };
      const count = await t.prisma.commitment.count({ where: trackable });
      expect(f.commitmentCount).toBe(count);
      expect(f.untrackedCount).toBe(
        await t.prisma.commitment.count({ where: { ...trackable, leadOrgId: null } }),
      );
      for (const [status, n] of Object.entries(f.statusCounts)) {
        expect([status, n]).toEqual([
          status,
          await t.prisma.commitment.count({
            where: { ...trackable, status: status as 'NOT_STARTED' },
          }),
        ]);
      }
    }
    const ilc = body.items.find((f) => f.code === 'ILC-2021')!;
    // ¶11 and its pillars are sections: counted through their bullets only.
    expect(ilc.commitmentCount).toBeLessThan(
      await t.prisma.commitment.count({ where: { frameworkId: ilc.id } }),
    );
    expect(ilc.untrackedCount).toBeGreaterThan(0);
  });

  it('has the seven key messages of Resolution 42 and the four pillars of ILC 2021 ¶11 with their bullets', async () => {
    const { body: list } = await viewer.get<{ items: Framework[] }>(
      '/api/workspaces/viet-nam/frameworks',
    );
    const nq = list.items.find((f) => f.code === 'NQ-42')!;
    const { body: nqTree } = await viewer.get<{ tree: Node[] }>(
      `/api/workspaces/viet-nam/frameworks/${nq.id}`,
    );
    expect(nqTree.tree.map((n) => n.reference)).toEqual(['1', '2', '3', '4', '5', '6', '7']);

    const ilc = list.items.find((f) => f.code === 'ILC-2021')!;
    const { body } = await viewer.get<{ tree: Node[] }>(
      `/api/workspaces/viet-nam/frameworks/${ilc.id}`,
    );
    const p11 = body.tree.find((n) => n.reference === '11')!;
    expect(p11.children.map((n) => n.reference)).toEqual(['11.A', '11.B', '11.C', '11.D']);
    for (const pillar of p11.children) {
      expect(pillar.children.length).toBeGreaterThanOrEqual(3);
      pillar.children.forEach((bullet) =>
        expect(bullet.reference.startsWith(`${pillar.reference}.`)).toBe(true),
      );
    }
    expect(body.tree.map((n) => n.reference)).toEqual(
      expect.arrayContaining(['9', '10', '11', '12', '13', '14', '15']),
    );

    // Roman-numbered parts in their natural order: IX before X.
    const c102 = list.items.find((f) => f.code === 'C102')!;
    const { body: c102Tree } = await viewer.get<{ tree: Node[] }>(
      `/api/workspaces/viet-nam/frameworks/${c102.id}`,
    );
    expect(c102Tree.tree.map((n) => n.reference)).toEqual([
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
      'VIII',
      'IX',
      'X',
    ]);
  });

  it('rolls up parents in the tree, and gives each framework the weighted mean of its trackable items', async () => {
    const { body: list } = await viewer.get<{ items: Framework[] }>(
      '/api/workspaces/viet-nam/frameworks',
    );
    for (const f of list.items) {
      const { body } = await viewer.get<{ progress: number; tree: Node[] }>(
        `/api/workspaces/viet-nam/frameworks/${f.id}`,
      );
      const leaves: Node[] = [];
      const check = (node: Node): void => {
        if (node.children.length === 0) {
          leaves.push(node);
          // A leaf shows its own status only when an organization has taken it up.
          expect(node.trackedStatus).toBe(node.leadOrgId === null ? null : node.status);
          return;
        }
        // A parent's stored status is not what its rolled-up progress says: none is shown.
        expect(node.trackedStatus).toBeNull();
        node.children.forEach(check);
        const weight = node.children.reduce((s, c) => s + c.weight, 0);
        expect(node.progress).toBe(
          Math.round(node.children.reduce((s, c) => s + c.progress * c.weight, 0) / weight),
        );
      };
      body.tree.forEach(check);
      const weight = leaves.reduce((s, n) => s + n.weight, 0);
      const expected =
        Math.round((leaves.reduce((s, n) => s + n.progress * n.weight, 0) / weight) * 10) / 10;
      expect(body.progress).toBe(expected);
      expect(f.progress).toBe(expected);
    }
    expect(list.items.some((f) => f.progress > 0)).toBe(true);
  });

  it('answers 404 for a framework of no workspace and 400 for a malformed id', async () => {
    expect(
      (await viewer.get('/api/workspaces/viet-nam/frameworks/00000000-0000-4000-8000-000000000000'))
        .status,
    ).toBe(404);
    expect((await viewer.get('/api/workspaces/viet-nam/frameworks/abc')).status).toBe(400);
  });

  it('lists the organizations of the workspace with their constituencies', async () => {
    const { body } = await viewer.get<{ items: { shortName: string; constituency: string }[] }>(
      '/api/workspaces/viet-nam/organizations',
    );
    const byName = Object.fromEntries(body.items.map((o) => [o.shortName, o.constituency]));
    expect(byName).toMatchObject({
      MOLISA: 'GOVERNMENT',
      VGCL: 'WORKERS',
      VCCI: 'EMPLOYERS',
      ILO: 'INTERNATIONAL',
      VSS: 'GOVERNMENT',
    });
    expect(byName.VCA).toBeDefined();
  });

  it('seeds the demo workspace only once', async () => {
    const { DemoSeeder } = await import('../seed/demo-seeder');
    const before = await t.prisma.commitment.count();
    expect(await t.app.get(DemoSeeder).seedIfMissing()).toBe(false);
    expect(await t.prisma.commitment.count()).toBe(before);
    expect(await t.prisma.workspace.count()).toBe(1);
  });
});
