import { randomUUID } from 'node:crypto';
import {
  ATTENTION_KINDS,
  type AttentionKind,
  COMMITMENT_STATUSES,
  type components,
  NONE,
  POSITION_KINDS,
} from '@spct/contracts';
import { type CommitmentFilters } from '../commitments/commitment-filters';
import { Clock } from '../common/clock';
import { Prisma } from '../generated/prisma/client';
import { createMember, uniqueSlug } from '../../test/accounts';
import {
  countByStatus,
  matches,
  meanOf,
  type OracleItem,
  dueQuarters,
  trackableItems,
} from '../../test/dashboard-oracle';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { DashboardRepository } from './dashboard.repository';
import { quarterId } from '../../test/periods';

type Summary = components['schemas']['DashboardSummaryDto'];
type Trend = components['schemas']['DashboardTrendDto'];
type AttentionList = components['schemas']['AttentionListDto'];
type CommitmentList = components['schemas']['CommitmentListDto'];

const WS = '/api/workspaces/viet-nam';

/** `?a=1&a=2&b=3` from filters with several values each. */
function query(filters: Record<string, string | string[] | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    for (const v of [value].flat()) params.append(key, String(v));
  }
  return params.toString();
}

/** The commitments' figures and the tally's, per combination, where they differ (none: equal). */
const TALLY_DIFFERENCES = Prisma.sql`
  WITH aggregate AS (
    SELECT "workspaceId", "frameworkId", "leadOrgId", theme, status,
      spct_sorted_target_groups("targetGroups") AS "targetGroups", "coOrgIds", "positionKeys",
      count(*)::bigint AS items, sum(progress * weight)::bigint AS pw, sum(weight)::bigint AS w,
      sum("pendingReports")::bigint AS pr, count(*) FILTER (WHERE "pendingReports" > 0)::bigint AS pi,
      sum("offTrackIndicators")::bigint AS oi,
      count(*) FILTER (WHERE "offTrackIndicators" > 0)::bigint AS oit
    FROM "Commitment" WHERE NOT archived AND "activeChildren" = 0 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8),
  tally AS (
    SELECT "workspaceId", "frameworkId", "leadOrgId", theme, status, "targetGroups", "coOrgIds",
      "positionKeys", sum(items)::bigint, sum("progressWeight")::bigint, sum(weight)::bigint,
      sum("pendingReports")::bigint, sum("pendingItems")::bigint, sum("offTrackIndicators")::bigint,
      sum("offTrackItems")::bigint
    FROM "CommitmentTally" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING (sum(items), sum("progressWeight"), sum(weight), sum("pendingReports"),
            sum("pendingItems"), sum("offTrackIndicators"), sum("offTrackItems"))
           <> (0, 0, 0, 0, 0, 0, 0))
  SELECT 'commitments' AS side, * FROM (SELECT * FROM aggregate EXCEPT SELECT * FROM tally) a
  UNION ALL SELECT 'tally', * FROM (SELECT * FROM tally EXCEPT SELECT * FROM aggregate) b`;

/** Commitments whose derived columns disagree with the rows they are derived from. */
const STALE_DERIVED_COLUMNS = Prisma.sql`
  SELECT c.id FROM "Commitment" c
  WHERE c."activeChildren" <> (SELECT count(*) FROM "Commitment" ch
                               WHERE ch."parentId" = c.id AND NOT ch.archived)
    OR c."coOrgIds" IS DISTINCT FROM COALESCE((SELECT array_agg(co."organizationId" ORDER BY co."organizationId")
       FROM "CommitmentCoOrganization" co WHERE co."commitmentId" = c.id), '{}')
    OR c."positionKeys" IS DISTINCT FROM COALESCE((SELECT array_agg(p."organizationId" || ':' || p.position ORDER BY p."organizationId")
       FROM "Position" p WHERE p."commitmentId" = c.id), '{}')
    OR c."pendingReports" <> (SELECT count(*) FROM "ProgressUpdate" u
                              WHERE u."commitmentId" = c.id AND u.state = 'SUBMITTED')
    OR c."reportedPeriods" <> COALESCE((SELECT array_agg(DISTINCT p.key ORDER BY p.key)
                              FROM "ProgressUpdate" u JOIN "ReportingPeriod" p ON p.id = u."periodId"
                              WHERE u."commitmentId" = c.id AND u.state IN ('SUBMITTED', 'APPROVED')), '{}')`;

describe('dashboard', () => {
  let t: TestApp;
  let manager: TestClient;
  let official: TestClient;
  let admin: TestClient;
  let union: TestClient;
  let workspaceId: string;
  let orgs: Record<string, string>;
  let frameworks: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    [manager, official, admin, union] = await Promise.all([
      t.signIn('manager@demo.test'),
      t.signIn('official@demo.test'),
      t.signIn('admin@demo.test'),
      t.signIn('union@demo.test'),
    ]);
    workspaceId = (await t.prisma.workspace.findUniqueOrThrow({ where: { slug: 'viet-nam' } })).id;
    orgs = Object.fromEntries(
      (await t.prisma.organization.findMany({ where: { workspaceId } })).map((o) => [
        o.shortName,
        o.id,
      ]),
    );
    frameworks = Object.fromEntries(
      (await t.prisma.framework.findMany({ where: { workspaceId } })).map((f) => [f.code, f.id]),
    );
    // Variety the demo data lacks: an archived leaf, a leaf without a theme, a section whose
    // only child is archived (so it counts again as a trackable item).
    const ilc = frameworks['ILC-2021']!;
    const archived = await t.prisma.commitment.findFirstOrThrow({
      where: { workspaceId, frameworkId: ilc, reference: '13.3' },
    });
    await t.prisma.commitment.update({ where: { id: archived.id }, data: { archived: true } });
    const section = await t.prisma.commitment.create({
      data: {
        workspaceId,
        frameworkId: ilc,
        reference: 'T.1',
        titleVi: 'Mục thử',
        titleEn: 'Test section',
        status: 'ON_TRACK',
        progress: 40,
        leadOrgId: orgs.VGCL!,
      },
    });
    await t.prisma.commitment.create({
      data: {
        workspaceId,
        frameworkId: ilc,
        parentId: section.id,
        reference: 'T.1.a',
        titleVi: 'Mục con đã lưu trữ',
        titleEn: 'Archived child',
        archived: true,
      },
    });
    await t.prisma.commitment.create({
      data: {
        workspaceId,
        frameworkId: frameworks['NQ-42']!,
        reference: 'T.2',
        titleVi: 'Không có chủ đề',
        titleEn: 'Without a theme',
        status: 'OFF_TRACK',
        progress: 10,
        weight: 3,
        targetDate: new Date('2025-01-31T00:00:00Z'),
        targetGroups: ['WOMEN', 'YOUTH'],
        coOrganizations: { create: [{ organizationId: orgs.VCCI! }] },
      },
    });
    // Items up to date: a report submitted for every period due, in two organizations (the
    // demo data has none, and "needs a report" counts the others).
    const author = await t.prisma.user.findUniqueOrThrow({
      where: { email: 'official@demo.test' },
    });
    const upToDate = (await trackableItems(t.prisma, workspaceId, new Date()))
      .filter((i) => i.stale && [orgs.MOLISA, orgs.VGCL].includes(i.leadOrgId ?? undefined))
      .filter((_, n) => n % 4 === 0);
    expect(upToDate.length).toBeGreaterThan(2);
    for (const key of dueQuarters(new Date(), new Set())) {
      const periodId = await quarterId(t.prisma, workspaceId, key);
      await t.prisma.progressUpdate.createMany({
        data: upToDate.map((item) => ({
          workspaceId,
          commitmentId: item.id,
          authorId: author.id,
          periodId,
          status: item.status,
          progress: item.progress,
          narrative: `Báo cáo ${key}`,
          state: 'SUBMITTED' as const,
          submittedAt: new Date(),
        })),
      });
    }
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  const populations = (): Record<string, CommitmentFilters> => ({
    'the whole workspace': {},
    'one framework': { frameworkId: [frameworks['ILC-2021']!] },
    'two lead organizations': { leadOrgId: [orgs.MOLISA!, orgs.VGCL!] },
    'no lead organization': { leadOrgId: [NONE] },
    'a theme or none': { theme: ['SOCIAL_PROTECTION', NONE] },
    'two target groups': { targetGroup: ['WOMEN', 'INFORMAL_WORKERS'] },
    'everything at once': {
      frameworkId: [frameworks['ILC-2021']!, frameworks['NQ-42']!],
      leadOrgId: [orgs.MOLISA!, NONE],
      theme: ['SOCIAL_PROTECTION', 'EMPLOYMENT'],
      targetGroup: ['INFORMAL_WORKERS'],
    },
  });

  it('counts every number of the summary as an independent count of the trackable items does', async () => {
    const all = await trackableItems(t.prisma, workspaceId, new Date());
    expect(all.length).toBeGreaterThan(50);
    for (const [name, filters] of Object.entries(populations())) {
      const items = all.filter((i) => matches(i, filters));
      const { status, body } = await manager.get<Summary>(
        `${WS}/dashboard/summary?${query({ ...filters })}`,
      );
      expect({ name, status }).toEqual({ name, status: 200 });
      expect({
        name,
        total: body.total,
        counts: body.statusCounts,
        progress: body.progress,
      }).toEqual({
        name,
        total: items.length,
        counts: countByStatus(items),
        progress: meanOf(items),
      });
      const slices = <K extends string | null>(key: (i: OracleItem) => K[]) => {
        const groups = new Map<K, OracleItem[]>();
        for (const item of items) {
          for (const k of key(item)) groups.set(k, [...(groups.get(k) ?? []), item]);
        }
        return groups;
      };
      const expectSlices = <K extends string | null>(
        actual: { key: K; total: number; statusCounts: Record<string, number> }[],
        expected: Map<K, OracleItem[]>,
      ) =>
        expect({
          name,
          slices: Object.fromEntries(actual.map((s) => [String(s.key), [s.total, s.statusCounts]])),
        }).toEqual({
          name,
          slices: Object.fromEntries(
            [...expected].map(([k, v]) => [String(k), [v.length, countByStatus(v)]]),
          ),
        });
      expectSlices(
        body.byFramework.map((f) => ({ ...f, key: f.frameworkId })),
        slices((i) => [i.frameworkId]),
      );
      for (const f of body.byFramework) {
        expect(f.progress).toBe(meanOf(items.filter((i) => i.frameworkId === f.frameworkId)));
      }
      expectSlices(
        body.byLeadOrganization.map((o) => ({ ...o, key: o.organizationId })),
        slices((i) => [i.leadOrgId]),
      );
      expectSlices(
        body.byCoOrganization.map((o) => ({ ...o, key: o.organizationId })),
        slices((i) => i.coOrgIds),
      );
      expectSlices(
        body.byTheme.map((s) => ({ ...s, key: s.theme })),
        slices((i) => [i.theme]),
      );
      expectSlices(
        body.byTargetGroup.map((s) => ({ ...s, key: s.targetGroup })),
        slices((i) =>
          i.targetGroups.filter((g) => !filters.targetGroup || filters.targetGroup.includes(g)),
        ),
      );
      expect({ name, attention: body.attention }).toEqual({
        name,
        attention: {
          offTrack: items.filter((i) => i.offTrack).length,
          overdue: items.filter((i) => i.overdue).length,
          stale: items.filter((i) => i.stale).length,
          pending: items.filter((i) => i.pendingReports > 0).length,
          pendingReports: items.reduce((sum, i) => sum + i.pendingReports, 0),
          indicators: items.filter((i) => i.offTrackIndicators > 0).length,
          offTrackIndicators: items.reduce((sum, i) => sum + i.offTrackIndicators, 0),
          disagreement: items.filter((i) => i.disagreement).length,
        },
      });
      const positions = new Map<string, Record<string, number>>();
      for (const item of items) {
        for (const p of item.positions) {
          const counts = positions.get(p.organizationId) ?? {
            AGREE: 0,
            RESERVATION: 0,
            DISAGREE: 0,
          };
          counts[p.position]! += 1;
          positions.set(p.organizationId, counts);
        }
      }
      expect({
        name,
        positions: Object.fromEntries(
          body.dialogue.byOrganization.map((o) => [
            o.organizationId,
            { AGREE: o.AGREE, RESERVATION: o.RESERVATION, DISAGREE: o.DISAGREE },
          ]),
        ),
      }).toEqual({ name, positions: Object.fromEntries(positions) });
      const split = new Set(items.filter((i) => i.disagreement).map((i) => i.id));
      expect(body.dialogue.disagreements).toHaveLength(Math.min(split.size, 10));
      for (const d of body.dialogue.disagreements) expect(split.has(d.id)).toBe(true);
    }
    // The numbers are not trivially zero: the demo data has some of everything.
    const { body } = await manager.get<Summary>(`${WS}/dashboard/summary`);
    for (const value of Object.values(body.attention)) expect(value).toBeGreaterThan(0);
    expect(body.byLeadOrganization.some((o) => o.organizationId === null)).toBe(true);
    expect(body.byTheme.some((s) => s.theme === null)).toBe(true);
  });

  it('opens, from every number of the summary, a list of exactly that many items', async () => {
    for (const filters of [
      {},
      populations()['everything at once']!,
      populations()['two target groups']!,
    ]) {
      const { body } = await manager.get<Summary>(
        `${WS}/dashboard/summary?${query({ ...filters })}`,
      );
      const listTotal = async (extra: Record<string, string | string[]>) => {
        const response = await manager.get<CommitmentList>(
          `${WS}/commitments?${query({ ...filters, ...extra, leaf: true, limit: '1' })}`,
        );
        expect(response.status).toBe(200);
        expect(response.body.totalIsExact).toBe(true);
        return response.body.total;
      };
      const checks: [string, number, Record<string, string | string[]>][] = [
        ['total', body.total, {}],
      ];
      for (const s of COMMITMENT_STATUSES) checks.push([s, body.statusCounts[s], { status: s }]);
      const kinds: Record<AttentionKind, number> = {
        'off-track': body.attention.offTrack,
        overdue: body.attention.overdue,
        stale: body.attention.stale,
        pending: body.attention.pending,
        indicators: body.attention.indicators,
        disagreement: body.attention.disagreement,
      };
      for (const kind of ATTENTION_KINDS) checks.push([kind, kinds[kind], { attention: kind }]);
      for (const f of body.byFramework) {
        checks.push([f.code, f.total, { frameworkId: f.frameworkId }]);
        for (const s of COMMITMENT_STATUSES) {
          checks.push([
            `${f.code} ${s}`,
            f.statusCounts[s],
            { frameworkId: f.frameworkId, status: s },
          ]);
        }
      }
      for (const o of body.byLeadOrganization) {
        checks.push([`lead ${o.shortName}`, o.total, { leadOrgId: o.organizationId ?? NONE }]);
        checks.push([
          `lead ${o.shortName} AT_RISK`,
          o.statusCounts.AT_RISK,
          { leadOrgId: o.organizationId ?? NONE, status: 'AT_RISK' },
        ]);
      }
      for (const o of body.byCoOrganization) {
        checks.push([`co ${o.shortName}`, o.total, { coOrgId: o.organizationId! }]);
      }
      for (const s of body.byTheme)
        checks.push([`theme ${s.theme}`, s.total, { theme: s.theme ?? NONE }]);
      for (const s of body.byTargetGroup) {
        checks.push([`group ${s.targetGroup}`, s.total, { targetGroup: s.targetGroup }]);
      }
      for (const [name, expected, extra] of checks) {
        expect({ name, total: await listTotal(extra) }).toEqual({ name, total: expected });
      }
    }
  });

  it('keeps the tally equal to the aggregate of the commitments through writes of every kind', async () => {
    const ws = `${WS}/commitments`;
    const created = await admin.post<{ id: string; version: number }>(ws, {
      frameworkId: frameworks['NQ-42'],
      reference: `D-${randomUUID().slice(0, 6)}`,
      title: { vi: 'Cam kết kiểm tra bảng tổng hợp', en: 'Tally test commitment' },
      leadOrgId: orgs.MOLISA,
      coOrgIds: [orgs.VGCL],
      targetGroups: ['YOUTH'],
      theme: 'SKILLS',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const etag = async () => (await admin.get(`${ws}/${id}`)).headers.etag as string;
    expect(
      (
        await admin.patch(
          `${ws}/${id}`,
          { coOrgIds: [orgs.VCCI, orgs.VSS], theme: 'HEALTH', targetGroups: ['WOMEN', 'CHILDREN'] },
          { 'if-match': await etag() },
        )
      ).status,
    ).toBe(200);
    // A child makes it a section; archiving the child makes it trackable again.
    const child = await admin.post<{ id: string }>(ws, {
      frameworkId: frameworks['NQ-42'],
      parentId: id,
      reference: `D-${randomUUID().slice(0, 6)}`,
      title: { vi: 'Mục con', en: 'Child' },
      leadOrgId: orgs.MOLISA,
    });
    expect(child.status).toBe(201);
    expect(await t.prisma.$queryRaw(TALLY_DIFFERENCES)).toEqual([]);
    expect((await admin.delete(`${ws}/${child.body.id}`)).status).toBe(200);
    // A report written, submitted, returned, resubmitted and approved.
    const report = await official.post<{ id: string }>(`${ws}/${id}/updates`, {
      period: '2026-Q4',
      status: 'AT_RISK',
      progress: 35,
      narrative: 'Chậm do thiếu kinh phí.',
    });
    expect(report.status).toBe(201);
    const step = (client: TestClient, what: string, body?: unknown) =>
      client.post(`${ws}/${id}/updates/${report.body.id}/${what}`, body);
    expect((await step(official, 'submit')).status).toBe(200);
    expect(await t.prisma.$queryRaw(TALLY_DIFFERENCES)).toEqual([]);
    expect((await step(manager, 'return', { reason: 'Thêm số liệu' })).status).toBe(200);
    expect((await step(official, 'submit')).status).toBe(200);
    expect((await step(manager, 'approve')).status).toBe(200);
    // Positions that differ; an indicator off its line.
    expect(
      (
        await union.put(`${ws}/${id}/positions/${orgs.VGCL}`, {
          position: 'DISAGREE',
          rationale: 'Chưa đủ',
          decidedOn: '2026-11-01',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await admin.put(`${ws}/${id}/positions/${orgs.VCCI}`, {
          position: 'AGREE',
          rationale: 'Đồng ý',
          decidedOn: '2026-11-02',
        })
      ).status,
    ).toBe(200);
    const indicator = await official.post<{ id: string }>(`${ws}/${id}/indicators`, {
      name: { vi: 'Tỷ lệ bao phủ', en: 'Coverage' },
      unit: { vi: '%', en: '%' },
      direction: 'INCREASE',
      baseline: { value: 10, year: 2020 },
      target: { value: 90, year: 2030 },
    });
    expect(indicator.status).toBe(201);
    expect(
      (
        await official.post(`${ws}/${id}/indicators/${indicator.body.id}/measurements`, {
          measuredOn: '2026-06-30',
          value: 12,
        })
      ).status,
    ).toBe(201);
    const row = await t.prisma.commitment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ offTrackIndicators: 1, activeChildren: 0, status: 'AT_RISK' });
    expect(row.positionKeys).toHaveLength(2);
    expect((await admin.delete(`${ws}/${id}`, { 'if-match': await etag() })).status).toBe(200);

    expect(await t.prisma.$queryRaw(STALE_DERIVED_COLUMNS)).toEqual([]);
    expect(await t.prisma.$queryRaw(TALLY_DIFFERENCES)).toEqual([]);
    // Compacting merges the appended deltas and changes no sum.
    const before = await t.prisma.commitmentTally.count({ where: { workspaceId } });
    await t.app.get(DashboardRepository).compactTally(workspaceId);
    expect(await t.prisma.commitmentTally.count({ where: { workspaceId } })).toBeLessThan(before);
    expect(await t.prisma.$queryRaw(TALLY_DIFFERENCES)).toEqual([]);
  });

  it('tells a split dialogue (spct_dialogue_split) for every pair of position kinds', async () => {
    const split = async (keys: string[]) =>
      (
        await t.prisma.$queryRaw<{ split: boolean }[]>`
          SELECT spct_dialogue_split(${keys}::text[]) AS split`
      )[0]!.split;
    const org = () => randomUUID();
    expect(await split([])).toBe(false);
    for (const a of POSITION_KINDS) {
      expect({ a, split: await split([`${org()}:${a}`]) }).toEqual({ a, split: false });
      for (const b of POSITION_KINDS) {
        const keys = [`${org()}:${a}`, `${org()}:${b}`, `${org()}:${a}`];
        expect({ a, b, split: await split(keys) }).toEqual({ a, b, split: a !== b });
      }
    }
  });

  it('agrees with trajectory.ts on which indicators are off their line', async () => {
    // Deterministic pseudo-random cases, edges included (zero span, before the baseline, after the target).
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const cases = Array.from({ length: 400 }, () => {
      const baselineYear = 2015 + Math.floor(random() * 10);
      return {
        direction: random() < 0.5 ? 'INCREASE' : 'DECREASE',
        baselineValue: Math.round(random() * 1000) / 10,
        baselineYear,
        targetValue: Math.round(random() * 1000) / 10,
        targetYear: baselineYear + Math.floor(random() * 12) - 1,
        measuredOn: new Date(
          Date.UTC(
            2014 + Math.floor(random() * 20),
            Math.floor(random() * 12),
            1 + Math.floor(random() * 28),
          ),
        ),
        value: Math.round(random() * 1000) / 10,
      };
    });
    const { trajectory } = await import('../indicators/trajectory');
    const rows = await t.prisma.$queryRaw<{ off: boolean }[]>(Prisma.sql`
      SELECT spct_off_trajectory(d::"IndicatorDirection", bv, by, tv, ty, m, v) AS off
      FROM unnest(${cases.map((c) => c.direction)}::text[], ${cases.map((c) => c.baselineValue)}::numeric[],
        ${cases.map((c) => c.baselineYear)}::int[], ${cases.map((c) => c.targetValue)}::numeric[],
        ${cases.map((c) => c.targetYear)}::int[], ${cases.map((c) => c.measuredOn.toISOString().slice(0, 10))}::date[],
        ${cases.map((c) => c.value)}::numeric[]) WITH ORDINALITY AS x(d, bv, by, tv, ty, m, v, n)
      ORDER BY n`);
    const expected = cases.map(
      (c) =>
        trajectory({
          direction: c.direction as 'INCREASE' | 'DECREASE',
          baseline: { value: c.baselineValue, year: c.baselineYear },
          target: { value: c.targetValue, year: c.targetYear },
          latest: { measuredOn: c.measuredOn, value: c.value },
        }).onTrack === false,
    );
    expect(rows.map((r) => r.off)).toEqual(expected);
    expect(expected.filter(Boolean).length).toBeGreaterThan(50);
    expect(expected.filter((off) => !off).length).toBeGreaterThan(50);
  });

  describe('attention lists', () => {
    it('pages through the items needing each kind of attention, with their latest approved report', async () => {
      const { body: summary } = await manager.get<Summary>(`${WS}/dashboard/summary`);
      for (const kind of ATTENTION_KINDS) {
        const seen: AttentionList['items'] = [];
        let cursor: string | null = null;
        let total: number | null = null;
        do {
          const page: { status: number; body: AttentionList } = await union.get<AttentionList>(
            `${WS}/dashboard/attention?${query({ kind, limit: '4', cursor: cursor ?? undefined })}`,
          );
          const { status, body } = page;
          expect(status).toBe(200);
          if (cursor === null) total = body.total;
          else expect(body.total).toBeNull();
          seen.push(...body.items);
          cursor = body.nextCursor;
        } while (cursor);
        expect(new Set(seen.map((i) => i.id)).size).toBe(seen.length);
        expect({ kind, total, seen: seen.length }).toEqual({
          kind,
          total: seen.length,
          seen: seen.length,
        });
        expect(seen.every((i) => i.childCount === 0 && !i.archived)).toBe(true);
        if (kind === 'off-track') {
          expect(seen.length).toBe(summary.attention.offTrack);
          expect(seen.every((i) => i.status === 'AT_RISK' || i.status === 'OFF_TRACK')).toBe(true);
        }
        if (kind === 'overdue') expect(seen.every((i) => i.overdue)).toBe(true);
      }
    });

    it('shows the latest approved report of an item, the first lines of its narrative', async () => {
      const id = (
        await t.prisma.commitment.findFirstOrThrow({
          where: { workspaceId, frameworkId: frameworks['ILC-2021'], reference: '11.A.11' },
        })
      ).id;
      const author = await t.prisma.user.findUniqueOrThrow({
        where: { email: 'official@demo.test' },
      });
      const longer = await t.prisma.progressUpdate.create({
        data: {
          workspaceId,
          commitmentId: id,
          authorId: author.id,
          periodId: await quarterId(t.prisma, workspaceId, '2026-Q3'),
          status: 'OFF_TRACK',
          progress: 25,
          narrative: 'Dòng một.\n\nDòng hai.\nDòng ba không hiện.',
          state: 'APPROVED',
          submittedAt: new Date(),
          decidedAt: new Date(Date.now() + 1000),
        },
      });
      const { body } = await manager.get<AttentionList>(
        `${WS}/dashboard/attention?kind=off-track&limit=100`,
      );
      const item = body.items.find((i) => i.id === id)!;
      expect(item.latestReport).toEqual({
        id: longer.id,
        period: '2026-Q3',
        decidedAt: longer.decidedAt!.toISOString(),
        excerpt: 'Dòng một.\nDòng hai.…',
      });
    });

    it('refuses an unknown kind, a missing kind and malformed filters with a 400 naming the field', async () => {
      for (const [url, field] of [
        [`${WS}/dashboard/attention`, 'kind'],
        [`${WS}/dashboard/attention?kind=late`, 'kind'],
        [`${WS}/dashboard/summary?frameworkId=abc`, 'frameworkId'],
        [`${WS}/dashboard/summary?leadOrgId=nobody`, 'leadOrgId'],
        [`${WS}/dashboard/summary?theme=MUSIC`, 'theme'],
        [`${WS}/dashboard/trend?granularity=week`, 'granularity'],
        [`${WS}/commitments?attention=soon`, 'attention'],
        [`${WS}/commitments?leaf=maybe`, 'leaf'],
        [`${WS}/commitments?coOrgId=1`, 'coOrgId'],
      ] as const) {
        const response = await manager.get<{ details: { field: string }[] }>(url);
        expect({ url, status: response.status }).toEqual({ url, status: 400 });
        expect(response.body.details.map((d) => d.field)).toContain(field);
      }
    });
  });

  describe('trend', () => {
    /**
     * A workspace of its own, with three items created on 10 January 2025 and reports approved
     * at controlled dates: A ON_TRACK 30 (May 2025), A AT_RISK 40 and B ON_TRACK 50 (August
     * 2025), B COMPLETED 100 (February 2026); C never reported.
     */
    let slug: string;
    let items: Record<'A' | 'B' | 'C', string>;
    let editor: TestClient;
    let approver: TestClient;
    const at = (iso: string) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(iso));

    const approve = async (
      item: 'A' | 'B' | 'C',
      status: string,
      progress: number,
      when: string,
    ) => {
      at(when);
      const base = `/api/workspaces/${slug}/commitments/${items[item]}/updates`;
      const report = await editor.post<{ id: string }>(base, {
        period: `${when.slice(0, 4)}-Q${Math.ceil(Number(when.slice(5, 7)) / 3)}`,
        status,
        progress,
        narrative: `Báo cáo ${item} ${when}`,
      });
      expect(report.status).toBe(201);
      expect((await editor.post(`${base}/${report.body.id}/submit`)).status).toBe(200);
      expect((await approver.post(`${base}/${report.body.id}/approve`)).status).toBe(200);
    };

    beforeAll(async () => {
      slug = uniqueSlug('trend');
      const ws = await t.prisma.workspace.create({ data: { slug, name: 'Trend' } });
      const org = await t.prisma.organization.create({
        data: {
          workspaceId: ws.id,
          shortName: 'MOL',
          nameVi: 'Bộ',
          nameEn: 'Ministry',
          constituency: 'GOVERNMENT',
        },
      });
      const framework = await t.prisma.framework.create({
        data: { workspaceId: ws.id, code: 'T', titleVi: 'Khung', titleEn: 'Framework' },
      });
      const created = new Date('2025-01-10T00:00:00Z');
      const make = async (reference: string, weight: number) =>
        (
          await t.prisma.commitment.create({
            data: {
              workspaceId: ws.id,
              frameworkId: framework.id,
              reference,
              titleVi: reference,
              titleEn: reference,
              leadOrgId: org.id,
              weight,
              createdAt: created,
            },
          })
        ).id;
      items = { A: await make('A', 1), B: await make('B', 3), C: await make('C', 1) };
      await t.prisma.evidence.create({
        data: {
          workspaceId: ws.id,
          commitmentId: items.B,
          kind: 'LINK',
          title: 'x',
          url: 'https://example.org',
        },
      });
      editor = (await createMember(t, { slug, role: 'EDITOR', organizationId: org.id })).client;
      approver = (await createMember(t, { slug, role: 'MANAGER' })).client;
      await approve('A', 'ON_TRACK', 30, '2025-05-15T09:00:00Z');
      await approve('A', 'AT_RISK', 40, '2025-08-20T09:00:00Z');
      await approve('B', 'ON_TRACK', 50, '2025-08-21T09:00:00Z');
      await approve('B', 'COMPLETED', 100, '2026-02-10T09:00:00Z');
    });

    const trend = async (granularity: 'quarter' | 'month', extra = '') => {
      const { status, body } = await approver.get<Trend>(
        `/api/workspaces/${slug}/dashboard/trend?granularity=${granularity}${extra}`,
      );
      expect(status).toBe(200);
      return body;
    };
    const summary = (p: Trend['periods'][number]) => [
      p.key,
      p.total,
      p.completed,
      p.progress,
      p.statusCounts.NOT_STARTED,
      p.statusCounts.ON_TRACK,
      p.statusCounts.AT_RISK,
      p.statusCounts.COMPLETED,
    ];

    it('reconstructs each past quarter as it stood at its end, and the current one as it stands', async () => {
      at('2026-03-20T12:00:00Z');
      const body = await trend('quarter');
      expect(body.periods.map(summary)).toEqual([
        // key, total, completed, progress, NOT_STARTED, ON_TRACK, AT_RISK, COMPLETED
        ['2024-Q2', 0, 0, 0, 0, 0, 0, 0],
        ['2024-Q3', 0, 0, 0, 0, 0, 0, 0],
        ['2024-Q4', 0, 0, 0, 0, 0, 0, 0],
        ['2025-Q1', 3, 0, 0, 3, 0, 0, 0],
        ['2025-Q2', 3, 0, 6, 2, 1, 0, 0], // A 30 (weight 1) of weight 5
        ['2025-Q3', 3, 0, 38, 1, 1, 1, 0], // A 40, B 50 × 3
        ['2025-Q4', 3, 0, 38, 1, 1, 1, 0],
        ['2026-Q1', 3, 1, 68, 1, 0, 1, 1], // B 100 × 3: now
      ]);
      expect(body.periods.map((p) => p.current)).toEqual([...Array(7).fill(false), true]);
      expect(body.periods[4]).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
    });

    it('reads months too, with the same reconstruction', async () => {
      at('2026-03-20T12:00:00Z');
      const body = await trend('month');
      expect(body.periods.map((p) => [p.key, p.progress])).toEqual([
        ['2025-08', 38],
        ['2025-09', 38],
        ['2025-10', 38],
        ['2025-11', 38],
        ['2025-12', 38],
        ['2026-01', 38],
        ['2026-02', 68],
        ['2026-03', 68],
      ]);
    });

    it('moves only the current period when a report is approved today', async () => {
      at('2026-03-20T12:00:00Z');
      const before = await trend('quarter');
      await approve('C', 'ON_TRACK', 20, '2026-03-21T08:00:00Z');
      at('2026-03-21T12:00:00Z');
      const after = await trend('quarter');
      expect(after.periods.slice(0, 7)).toEqual(before.periods.slice(0, 7));
      expect(summary(after.periods[7]!)).toEqual(['2026-Q1', 3, 1, 72, 0, 1, 1, 1]);
    });

    it('narrows to the dashboard filters', async () => {
      at('2026-03-21T12:00:00Z');
      const other = `&leadOrgId=${randomUUID()}`;
      const body = await trend('quarter', other);
      expect(body.periods.every((p) => p.total === 0)).toBe(true);
    });
  });
});
