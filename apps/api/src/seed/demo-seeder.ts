import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Role } from '@spct/contracts';
import { hashPassword } from '../auth/passwords';
import { SECURITY_CONFIG, type SecurityConfig } from '../auth/security-config';
import { rollUpProgress } from '../commitments/rollup';
import { Clock } from '../common/clock';
import { illustrativeHistory, trendStart } from './demo-history';
import { periodStartOf } from '../reporting-periods/period-keys';
import {
  DEFAULT_CALENDAR,
  ensurePeriodsStarting,
} from '../reporting-periods/reporting-periods.repository';
import { PrismaService } from '../database/prisma.service';
import { ReminderSweep } from '../reminders/reminder-sweep';
import { type Prisma } from '../generated/prisma/client';
import {
  type Catalogue,
  type CatalogueCommitment,
  type DemoComment,
  type DemoTracking,
  loadCatalogue,
  loadDemoTracking,
} from './catalogue';

export const DEMO_WORKSPACE = { slug: 'viet-nam', name: 'Việt Nam' };

/** The demo accounts (passwords arrive with accounts; see the README). */
export const DEMO_USERS: { email: string; displayName: string; role: Role; org: string | null }[] =
  [
    {
      email: 'admin@demo.test',
      displayName: 'Quản trị viên ILO (demo)',
      role: 'ADMIN',
      org: 'ILO',
    },
    {
      email: 'manager@demo.test',
      displayName: 'Trần Văn Minh — MOLISA (demo)',
      role: 'MANAGER',
      org: 'MOLISA',
    },
    {
      email: 'official@demo.test',
      displayName: 'Nguyễn Thị Lan — MOLISA (demo)',
      role: 'EDITOR',
      org: 'MOLISA',
    },
    {
      email: 'union@demo.test',
      displayName: 'Lê Hoàng Nam — VGCL (demo)',
      role: 'PARTNER',
      org: 'VGCL',
    },
    {
      email: 'employer@demo.test',
      displayName: 'Phạm Thu Hà — VCCI (demo)',
      role: 'PARTNER',
      org: 'VCCI',
    },
    { email: 'viewer@demo.test', displayName: 'Khách xem (demo)', role: 'VIEWER', org: null },
  ];

type Tx = Prisma.TransactionClient;
type TrackedCommitment = DemoTracking['commitments'][number];

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
// An arbitrary constant: serialises concurrent seeders (several API replicas starting at once).
const SEED_LOCK = 4_204_242;

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly prisma: PrismaService,
    @Inject(SECURITY_CONFIG) private readonly security: SecurityConfig,
    private readonly clock: Clock,
    private readonly reminders: ReminderSweep,
  ) {}

  /**
   * What the product does at start (`SEED_DEMO`): the demo workspace unless it exists, and a
   * fresh demo's report reminders in its inbox at once, rather than at the next quarter-hour's
   * sweep. Returns whether it seeded.
   */
  async prepare(): Promise<boolean> {
    const created = await this.seedIfMissing();
    if (created) {
      // The schedule sweeps again within a quarter of an hour: a failure here must not stop the
      // start (the demo is committed; the next start would not sweep it).
      await this.reminders.sweep().catch((error: unknown) => {
        this.logger.warn(`The demo's first reminder sweep failed: ${String(error)}`);
      });
    }
    return created;
  }

  /** Creates the demo workspace unless it exists; returns whether it did. */
  async seedIfMissing(): Promise<boolean> {
    const catalogue = loadCatalogue();
    const demo = loadDemoTracking(catalogue);
    const password = this.security.demoPassword;
    const passwordHash = password ? await hashPassword(password) : null;
    const created = await this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
        if (await tx.workspace.findUnique({ where: { slug: DEMO_WORKSPACE.slug } })) {
          // Demo data seeded before accounts existed gets its passwords now.
          await tx.user.updateMany({
            where: { email: { in: DEMO_USERS.map((u) => u.email) }, passwordHash: null },
            data: { passwordHash },
          });
          return false;
        }
        await this.seed(tx, catalogue, demo, passwordHash);
        return true;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    if (created) this.logger.log(`Seeded the demo workspace "${DEMO_WORKSPACE.slug}"`);
    return created;
  }

  private async seed(
    tx: Tx,
    catalogue: Catalogue,
    demo: DemoTracking,
    passwordHash: string | null,
  ): Promise<void> {
    const workspace = await tx.workspace.create({ data: { ...DEMO_WORKSPACE, isDemo: true } });
    const workspaceId = workspace.id;

    const orgIds = new Map(catalogue.organizations.map((o) => [o.shortName, randomUUID()]));
    await tx.organization.createMany({
      data: catalogue.organizations.map((o) => ({
        id: orgIds.get(o.shortName)!,
        workspaceId,
        shortName: o.shortName,
        nameVi: o.name.vi,
        nameEn: o.name.en,
        constituency: o.constituency,
      })),
    });

    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const user = await tx.user.upsert({
        where: { email: u.email },
        create: { email: u.email, displayName: u.displayName, locale: 'vi', passwordHash },
        update: {},
      });
      userIds.set(u.email, user.id);
      await tx.membership.create({
        data: {
          userId: user.id,
          workspaceId,
          role: u.role,
          organizationId: u.org ? orgIds.get(u.org)! : null,
        },
      });
    }
    const userId = (email: string) => {
      const id = userIds.get(email);
      if (!id) throw new Error(`Demo data names an unknown user ${email}`);
      return id;
    };

    const tracking = new Map(demo.commitments.map((c) => [`${c.framework} ${c.reference}`, c]));
    const commitmentIds = new Map<string, string>();
    const rows: Prisma.CommitmentCreateManyInput[] = [];
    const coOrgs: Prisma.CommitmentCoOrganizationCreateManyInput[] = [];

    for (const framework of catalogue.frameworks) {
      const frameworkId = randomUUID();
      await tx.framework.create({
        data: {
          id: frameworkId,
          workspaceId,
          code: framework.code,
          titleVi: framework.title.vi,
          titleEn: framework.title.en,
          descriptionVi: framework.description?.vi ?? null,
          descriptionEn: framework.description?.en ?? null,
          issuerVi: framework.issuer?.vi ?? null,
          issuerEn: framework.issuer?.en ?? null,
          adoptedOn: framework.adoptedOn ? day(framework.adoptedOn) : null,
          url: framework.url,
        },
      });
      const frameworkRows: Prisma.CommitmentCreateManyInput[] = [];
      const add = (c: CatalogueCommitment, parentId: string | null, position: number) => {
        const id = randomUUID();
        commitmentIds.set(`${framework.code} ${c.reference}`, id);
        const t: TrackedCommitment | undefined = tracking.get(`${framework.code} ${c.reference}`);
        frameworkRows.push({
          id,
          workspaceId,
          // Tracked since before the dashboard's trend begins, so its periods show them.
          createdAt: trendStart(this.clock.now()),
          frameworkId,
          parentId,
          position,
          reference: c.reference,
          titleVi: c.title.vi,
          titleEn: c.title.en,
          descriptionVi: c.description?.vi ?? null,
          descriptionEn: c.description?.en ?? null,
          theme: c.theme,
          targetGroups: c.targetGroups,
          status: t?.status ?? 'NOT_STARTED',
          progress: t?.progress ?? 0,
          weight: t?.weight ?? 1,
          leadOrgId: t ? orgIds.get(t.leadOrg)! : null,
          focalUserId: t?.focalUser ? userId(t.focalUser) : null,
          startDate: t ? day(t.startDate) : null,
          targetDate: t ? day(t.targetDate) : null,
        });
        for (const org of t?.coOrgs ?? [])
          coOrgs.push({ commitmentId: id, organizationId: orgIds.get(org)! });
        c.children.forEach((child, i) => add(child, id, i));
      };
      framework.commitments.forEach((c, i) => add(c, null, i));
      // Parents show the weighted roll-up of their children.
      const rolled = rollUpProgress(
        frameworkRows.map((r) => ({
          id: r.id!,
          parentId: r.parentId ?? null,
          progress: r.progress ?? 0,
          weight: r.weight ?? 1,
        })),
      );
      frameworkRows.forEach((r) => (r.progress = rolled.get(r.id!) ?? r.progress));
      rows.push(...frameworkRows);
    }
    await tx.commitment.createMany({ data: rows });
    await tx.commitmentCoOrganization.createMany({ data: coOrgs });

    const commitmentId = (framework: string, reference: string) =>
      commitmentIds.get(`${framework} ${reference}`)!;
    await tx.alignment.createMany({
      data: catalogue.alignments.map((a) => ({
        workspaceId,
        sourceId: commitmentId(a.from.framework, a.from.reference),
        targetId: commitmentId(a.to.framework, a.to.reference),
        noteVi: a.note?.vi ?? null,
        noteEn: a.note?.en ?? null,
      })),
    });

    const positionRecorder: Record<string, string> = {
      VGCL: 'union@demo.test',
      VCCI: 'employer@demo.test',
      MOLISA: 'official@demo.test',
    };
    // The demo's reports name quarters ("2026-Q1"): the workspace's default calendar.
    const history = demo.commitments.map((t) => illustrativeHistory(t, this.clock.now()));
    const periodKeys = new Set([
      ...demo.commitments.flatMap((t) => t.updates.map((u) => u.period)),
      ...history.flat().map((report) => report.period),
    ]);
    const periodIds = await ensurePeriodsStarting(
      tx,
      workspaceId,
      DEFAULT_CALENDAR,
      [...periodKeys].map((key) => periodStartOf('QUARTERLY', key)!),
    );
    for (const t of demo.commitments) {
      const id = commitmentId(t.framework, t.reference);
      await tx.evidence.createMany({
        data: t.evidence.map((e) => ({
          workspaceId,
          commitmentId: id,
          kind: e.kind,
          url: e.url,
          title: e.title,
          uploadedById: userId('official@demo.test'),
        })),
      });
      for (const u of t.updates) {
        await tx.progressUpdate.create({
          data: {
            workspaceId,
            commitmentId: id,
            authorId: userId(u.author),
            periodId: periodIds.get(u.period)!,
            approvedPeriodId: u.state === 'APPROVED' ? periodIds.get(u.period)! : null,
            status: u.status,
            progress: u.progress,
            narrative: u.narrative.vi,
            state: u.state,
            returnReason: u.returnReason,
            submittedAt: u.submittedAt ? day(u.submittedAt) : null,
            decidedAt: u.decidedAt ? day(u.decidedAt) : null,
            decidedById: u.decidedBy ? userId(u.decidedBy) : null,
            createdAt: day(u.submittedAt ?? '2026-01-01'),
          },
        });
      }
      for (const i of t.indicators) {
        await tx.indicator.create({
          data: {
            workspaceId,
            commitmentId: id,
            nameVi: i.name.vi,
            nameEn: i.name.en,
            unitVi: i.unit.vi,
            unitEn: i.unit.en,
            direction: i.direction,
            baselineValue: i.baseline.value,
            baselineYear: i.baseline.year,
            targetValue: i.target.value,
            targetYear: i.target.year,
            sourceVi: i.source?.vi ?? null,
            sourceEn: i.source?.en ?? null,
            measurements: {
              create: i.measurements.map((m) => ({
                workspaceId,
                measuredOn: day(m.date),
                value: m.value,
                source: m.source,
              })),
            },
          },
        });
      }
      const addComments = async (comments: DemoComment[], parentId: string | null) => {
        for (const c of comments) {
          const comment = await tx.comment.create({
            data: {
              workspaceId,
              commitmentId: id,
              parentId,
              authorId: userId(c.author),
              body: c.body,
              stance: c.stance,
              createdAt: day(c.createdAt),
            },
          });
          await addComments(c.replies ?? [], comment.id);
        }
      };
      await addComments(t.comments, null);
      await tx.position.createMany({
        data: t.positions.map((p) => ({
          workspaceId,
          commitmentId: id,
          organizationId: orgIds.get(p.org)!,
          position: p.position,
          rationale: p.rationale,
          decidedOn: day(p.date),
          recordedById: userId(positionRecorder[p.org] ?? 'admin@demo.test'),
        })),
      });
    }

    // Approved reports over the last six quarters leading up to each tracked item's first real
    // report (or its present state): the dashboard's trend has movement to show.
    await tx.progressUpdate.createMany({
      data: demo.commitments.flatMap((t, i) =>
        history[i]!.map(({ period, ...report }) => ({
          ...report,
          periodId: periodIds.get(period)!,
          approvedPeriodId: periodIds.get(period)!,
          workspaceId,
          commitmentId: commitmentId(t.framework, t.reference),
          authorId: userId(t.focalUser ?? 'official@demo.test'),
          decidedById: userId('manager@demo.test'),
        })),
      ),
    });
  }
}
