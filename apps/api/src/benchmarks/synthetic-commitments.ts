import pg from 'pg';

// Synthetic commitments for scale tests: varied Vietnamese titles, every status, theme, target
// group and lead organization, dates around today. Generated inside PostgreSQL in one statement.

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
 * One progress report on every other synthetic commitment, in every state, submitted over the
 * last year: what the "needs an update" filter probes. Written by a member of the workspace.
 */
async function insertSyntheticReports(
  client: pg.Client,
  workspaceId: string,
  count: number,
): Promise<void> {
  const member = await client.query<{ userId: string }>(
    `SELECT "userId" FROM "Membership" WHERE "workspaceId" = $1::uuid LIMIT 1`,
    [workspaceId],
  );
  const authorId = member.rows[0]?.userId;
  if (!authorId) {
    throw new Error(
      'The workspace has no member to author the synthetic progress reports: add one first',
    );
  }
  await client.query(
    `INSERT INTO "ProgressUpdate" (id, "workspaceId", "commitmentId", "authorId", period, status,
       progress, narrative, state, "submittedAt", "updatedAt")
     SELECT gen_random_uuid(), c."workspaceId", c.id, $2::uuid, '2026-Q1', c.status, c.progress,
       'Synthetic report ' || c.position,
       (enum_range(NULL::"UpdateState"))[1 + (c.position / 2) % 4],
       CASE WHEN (c.position / 2) % 4 = 0 THEN NULL
            ELSE now() - ((c.position * 7) % 365) * interval '1 day' END,
       now()
     FROM "Commitment" c
     WHERE c."workspaceId" = $1::uuid AND c.reference LIKE 'S.%' AND c.position % 2 = 0
       AND c.position <= $3::int`,
    [workspaceId, authorId, count],
  );
}

/** Inserts `count` commitments (references `S.<n>`), in batches, and refreshes planner statistics. */
export async function insertSyntheticCommitments(
  databaseUrl: string,
  target: SyntheticTarget,
  count: number,
  batchSize = 20_000,
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let from = 1; from <= count; from += batchSize) {
      const to = Math.min(count, from + batchSize - 1);
      await client.query(
        `INSERT INTO "Commitment" (id, "workspaceId", "frameworkId", position, reference, "titleVi", "titleEn",
           theme, "leadOrgId", status, progress, weight, "startDate", "targetDate", "targetGroups", "updatedAt")
         SELECT gen_random_uuid(), $1::uuid, ($2::uuid[])[1 + i % cardinality($2::uuid[])], i,
           'S.' || i,
           ($4::text[])[1 + i % cardinality($4::text[])] || ' tại ' || ($5::text[])[1 + (i / 7) % cardinality($5::text[])] || ' (' || i || ')',
           'Synthetic commitment ' || i,
           (enum_range(NULL::"Theme"))[1 + i % 10],
           ($3::uuid[])[1 + i % cardinality($3::uuid[])],
           (enum_range(NULL::"CommitmentStatus"))[1 + (i / 3) % 6],
           CASE WHEN (i / 3) % 6 = 4 THEN 100 ELSE (i * 37) % 100 END,
           1 + i % 5,
           DATE '2022-01-01' + (i % 365),
           CASE WHEN i % 11 = 0 THEN NULL ELSE DATE '2024-01-01' + (i % 2500) END,
           ARRAY[(enum_range(NULL::"TargetGroup"))[1 + i % 10], (enum_range(NULL::"TargetGroup"))[1 + (i / 10) % 10]]::"TargetGroup"[],
           now() - (i % 1000) * interval '1 hour'
         FROM generate_series($6::int, $7::int) AS i`,
        [
          target.workspaceId,
          target.frameworkIds,
          target.organizationIds,
          PHRASES,
          PLACES,
          from,
          to,
        ],
      );
    }
    await insertSyntheticReports(client, target.workspaceId, count);
    await client.query('ANALYZE "Commitment"');
    await client.query('ANALYZE "ProgressUpdate"');
  } finally {
    await client.end();
  }
}
