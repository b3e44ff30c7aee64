import pg from 'pg';

// Synthetic commitments for scale tests: varied Vietnamese titles, every status, theme, target
// group and lead organization, dates around today, created over the last three years, with
// progress reports and their history, positions, indicators, co-responsible organizations and
// sections. Generated inside PostgreSQL, a few statements in all.

const PHRASES = [
  'Mở rộng bao phủ bảo hiểm xã hội cho lao động phi chính thức',
  'Xây dựng sàn an sinh xã hội cơ bản',
  'Tăng cường đối thoại xã hội ba bên',
  'Nâng cao chất lượng dịch vụ việc làm công',
  'Bảo hiểm thất nghiệp gắn với đào tạo lại kỹ năng',
  'Trợ cấp hưu trí xã hội cho người cao tuổi',
  'Bảo vệ người lao động di cư trong nước',
  'Bình đẳng giới trong thị trường lao động',
  'Hỗ trợ doanh nghiệp nhỏ và vừa phục hồi sau đại dịch',
  'Chăm sóc sức khỏe toàn dân và bảo hiểm y tế',
  'Phòng ngừa tai nạn lao động và bệnh nghề nghiệp',
  'Trợ giúp xã hội cho trẻ em và hộ nghèo',
];
const PLACES = [
  'Hà Nội',
  'Hải Phòng',
  'Đà Nẵng',
  'Huế',
  'Cần Thơ',
  'Thành phố Hồ Chí Minh',
  'Điện Biên',
  'Lào Cai',
  'Gia Lai',
  'Cà Mau',
  'Quảng Ninh',
  'Nghệ An',
  'Đắk Lắk',
];

export interface SyntheticTarget {
  workspaceId: string;
  frameworkIds: string[];
  organizationIds: string[];
}

/**
 * Inserts `count` commitments (references `S.<n>`) with what a workspace this size has besides:
 * - progress reports on every other item, in every state, submitted over the last year (the
 *   approved ones with the item's present status and progress), and on every sixth an earlier
 *   approved report halfway there: the history a trend reconstructs;
 * - a co-responsible organization on every fourth item (two on every twelfth);
 * - the organizations' positions on every tenth (not alike on every thirtieth);
 * - an indicator with two measurements on every twentieth (some off their line);
 * - sections: one item in fifty heads four others of its framework (which then roll up).
 * Everything is staged in temporary tables first and the commitments are inserted with the
 * columns the database derives from those records already right, so the triggers that keep
 * them find nothing to change: one write per row instead of one per kind of record.
 * Then refreshes the planner's statistics.
 */
export async function insertSyntheticCommitments(
  databaseUrl: string,
  target: SyntheticTarget,
  count: number,
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const member = await client.query<{ userId: string }>(
      `SELECT "userId" FROM "Membership" WHERE "workspaceId" = $1::uuid LIMIT 1`,
      [target.workspaceId],
    );
    const authorId = member.rows[0]?.userId;
    if (!authorId) {
      throw new Error(
        'The workspace has no member to author the synthetic progress reports: add one first',
      );
    }
    const frameworks = target.frameworkIds.length;
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMP TABLE syn_c ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, i AS position, NULL::uuid AS "parentId",
         ($2::uuid[])[1 + i % cardinality($2::uuid[])] AS "frameworkId",
         ($3::uuid[])[1 + i % cardinality($3::uuid[])] AS "leadOrgId",
         (enum_range(NULL::"CommitmentStatus"))[1 + (i / 3) % 6] AS status,
         CASE WHEN (i / 3) % 6 = 4 THEN 100 ELSE (i * 37) % 100 END AS progress
       FROM generate_series(1, $1::int) AS i`,
      [count, target.frameworkIds, target.organizationIds],
    );
    // Item n (n % 50 = 1) heads the next four items of its framework.
    await client.query(
      `UPDATE syn_c child SET "parentId" = section.head
       FROM (SELECT head.id AS head, head.position + k * $1::int AS position
             FROM syn_c head CROSS JOIN generate_series(1, 4) AS k
             WHERE head.position % 50 = 1) section
       WHERE child.position = section.position`,
      [frameworks],
    );
    await client.query(
      `CREATE TEMP TABLE syn_co ON COMMIT DROP AS
       SELECT c.id AS "commitmentId", co.id AS "organizationId" FROM syn_c c
       CROSS JOIN LATERAL unnest(CASE WHEN c.position % 12 = 0
           THEN ARRAY[($1::uuid[])[1 + (c.position / 4 + 1) % cardinality($1::uuid[])],
                      ($1::uuid[])[1 + (c.position / 4 + 2) % cardinality($1::uuid[])]]
           ELSE ARRAY[($1::uuid[])[1 + (c.position / 4 + 1) % cardinality($1::uuid[])]] END) AS co(id)
       WHERE c.position % 4 = 0 AND co.id IS DISTINCT FROM c."leadOrgId"`,
      [target.organizationIds],
    );
    await client.query(
      `CREATE TEMP TABLE syn_pos ON COMMIT DROP AS
       SELECT DISTINCT ON (c.id, o) c.id AS "commitmentId", o AS "organizationId",
         (enum_range(NULL::"PositionKind"))[1 + CASE WHEN c.position % 30 = 0 THEN k % 3 ELSE 0 END] AS position,
         CURRENT_DATE - (c.position % 300) AS "decidedOn"
       FROM syn_c c CROSS JOIN generate_series(0, 1 + c.position % 2) AS k
       CROSS JOIN LATERAL (SELECT ($1::uuid[])[1 + (c.position / 10 + k) % cardinality($1::uuid[])] AS o) org
       WHERE c.position % 10 = 0`,
      [target.organizationIds],
    );
    await client.query(
      `CREATE TEMP TABLE syn_rep ON COMMIT DROP AS
       SELECT c.id AS "commitmentId", '2026-Q1' AS period, c.status, c.progress,
         'Synthetic report ' || c.position || E'\nSecond line of the narrative.' AS narrative,
         r.state, r.submitted AS "submittedAt",
         CASE WHEN r.state IN ('APPROVED', 'RETURNED') THEN r.submitted + interval '3 days' END AS "decidedAt"
       FROM syn_c c
       CROSS JOIN LATERAL (
         SELECT (enum_range(NULL::"UpdateState"))[1 + (c.position / 2) % 4] AS state,
           CASE WHEN (c.position / 2) % 4 = 0 THEN NULL
                ELSE now() - ((c.position * 7) % 365) * interval '1 day' END AS submitted
       ) r
       WHERE c.position % 2 = 0
       UNION ALL
       SELECT c.id, '2025-Q2',
         CASE WHEN c.progress / 2 = 0 THEN 'NOT_STARTED' ELSE 'ON_TRACK' END::"CommitmentStatus",
         c.progress / 2, 'Earlier synthetic report ' || c.position, 'APPROVED',
         now() - (400 + c.position % 200) * interval '1 day',
         now() - (397 + c.position % 200) * interval '1 day'
       FROM syn_c c WHERE c.position % 6 = 0`,
    );
    await client.query(
      `INSERT INTO "Commitment" (id, "workspaceId", "frameworkId", "parentId", position, reference,
         "titleVi", "titleEn", theme, "leadOrgId", status, progress, weight, "startDate", "targetDate",
         "targetGroups", "updatedAt", "createdAt", "coOrgIds", "positionKeys", "pendingReports",
         "reportedPeriods")
       SELECT c.id, $1::uuid, c."frameworkId", c."parentId", i, 'S.' || i,
         ($2::text[])[1 + i % cardinality($2::text[])] || ' tại ' || ($3::text[])[1 + (i / 7) % cardinality($3::text[])] || ' (' || i || ')',
         'Synthetic commitment ' || i,
         (enum_range(NULL::"Theme"))[1 + i % 10], c."leadOrgId", c.status, c.progress, 1 + i % 5,
         DATE '2022-01-01' + (i % 365),
         CASE WHEN i % 11 = 0 THEN NULL ELSE DATE '2024-01-01' + (i % 2500) END,
         ARRAY[(enum_range(NULL::"TargetGroup"))[1 + i % 10], (enum_range(NULL::"TargetGroup"))[1 + (i / 10) % 10]]::"TargetGroup"[],
         now() - (i % 1000) * interval '1 hour',
         now() - (400 + i % 700) * interval '1 day',
         COALESCE(co.ids, '{}'), COALESCE(pos.keys, '{}'), COALESCE(rep.pending, 0), COALESCE(rep.reported, '{}')
       FROM syn_c c
       CROSS JOIN LATERAL (SELECT c.position AS i) p
       LEFT JOIN (SELECT "commitmentId", array_agg("organizationId" ORDER BY "organizationId") AS ids
                  FROM syn_co GROUP BY 1) co ON co."commitmentId" = c.id
       LEFT JOIN (SELECT "commitmentId", array_agg("organizationId" || ':' || position ORDER BY "organizationId") AS keys
                  FROM syn_pos GROUP BY 1) pos ON pos."commitmentId" = c.id
       LEFT JOIN (SELECT "commitmentId", count(*) FILTER (WHERE state = 'SUBMITTED')::int AS pending,
                    array_agg(DISTINCT period ORDER BY period)
                      FILTER (WHERE state IN ('SUBMITTED', 'APPROVED')) AS reported
                  FROM syn_rep GROUP BY 1) rep ON rep."commitmentId" = c.id`,
      [target.workspaceId, PHRASES, PLACES],
    );
    // The planner's statistics, for the statements (and triggers) that follow in this transaction.
    await client.query('ANALYZE "Commitment"');
    await client.query(
      `INSERT INTO "CommitmentCoOrganization" ("commitmentId", "organizationId")
       SELECT "commitmentId", "organizationId" FROM syn_co`,
    );
    await client.query(
      `INSERT INTO "Position" (id, "workspaceId", "commitmentId", "organizationId", position,
         rationale, "decidedOn", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, "commitmentId", "organizationId", position,
         'Synthetic position', "decidedOn", now()
       FROM syn_pos`,
      [target.workspaceId],
    );
    // The two quarters the reports name, as periods of the default calendar.
    await client.query(
      `INSERT INTO "ReportingPeriod" (id, "workspaceId", key, "startsOn", "endsOn", "dueOn")
       SELECT gen_random_uuid(), $1::uuid, p.key, p.starts_on, p.ends_on, p.ends_on + 15
       FROM unnest(ARRAY[DATE '2026-01-01', DATE '2025-04-01']) d
       CROSS JOIN LATERAL spct_period_of('QUARTERLY', d) p
       ON CONFLICT ("workspaceId", key) DO NOTHING`,
      [target.workspaceId],
    );
    await client.query(
      `INSERT INTO "ProgressUpdate" (id, "workspaceId", "commitmentId", "authorId", "periodId",
         "approvedPeriodId", status, progress, narrative, state, "submittedAt", "decidedAt", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, r."commitmentId", $2::uuid, p.id,
         CASE WHEN r.state = 'APPROVED' THEN p.id END, r.status, r.progress, r.narrative, r.state,
         r."submittedAt", r."decidedAt", now()
       FROM syn_rep r JOIN "ReportingPeriod" p ON p."workspaceId" = $1::uuid AND p.key = r.period`,
      [target.workspaceId, authorId],
    );
    await client.query(
      `WITH indicators AS (
         INSERT INTO "Indicator" (id, "workspaceId", "commitmentId", "nameVi", "nameEn", "unitVi",
           "unitEn", direction, "baselineValue", "baselineYear", "targetValue", "targetYear", "updatedAt")
         SELECT gen_random_uuid(), $1::uuid, c.id, 'Tỷ lệ bao phủ ' || c.position,
           'Coverage rate ' || c.position, '%', '%', 'INCREASE', 20, 2020, 80, 2030, now()
         FROM syn_c c WHERE c.position % 20 = 0
         RETURNING id)
       INSERT INTO "Measurement" (id, "workspaceId", "indicatorId", "measuredOn", value)
       SELECT gen_random_uuid(), $1::uuid, i.id, DATE '2024-06-30' + 365 * m,
         30 + 10 * m + (abs(hashtext(i.id::text)) % 20)
       FROM indicators i CROSS JOIN generate_series(0, 1) AS m`,
      [target.workspaceId],
    );
    await client.query('COMMIT');
    for (const table of ['Commitment', 'ProgressUpdate', 'CommitmentTally', 'Position']) {
      await client.query(`VACUUM ANALYZE "${table}"`);
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
