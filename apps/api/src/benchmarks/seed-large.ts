// `npm run seed:large [-- <count>]`: a workspace "large" with 100,000 commitments (by default)
// on the product's database (DATABASE_URL, or the embedded one `npm start` uses), so the list
// endpoint can be measured at scale with `npm run bench`.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../config/app-config';
import { prepareDatabase } from '../database/prepare-database';
import { loadCatalogue } from '../seed/catalogue';
import { insertSyntheticCommitments } from './synthetic-commitments';

import { LARGE_WORKSPACE } from './large-workspace';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const database = await prepareDatabase(loadConfig(), (m) => console.log(m));
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('DELETE FROM "Workspace" WHERE slug = $1', [LARGE_WORKSPACE.slug]);
    const workspaceId = randomUUID();
    await client.query(
      'INSERT INTO "Workspace" (id, slug, name, "isDemo", "updatedAt") VALUES ($1, $2, $3, true, now())',
      [workspaceId, LARGE_WORKSPACE.slug, LARGE_WORKSPACE.name],
    );
    const catalogue = loadCatalogue();
    const organizationIds: string[] = [];
    for (const o of catalogue.organizations) {
      const id = randomUUID();
      organizationIds.push(id);
      await client.query(
        'INSERT INTO "Organization" (id, "workspaceId", "shortName", "nameVi", "nameEn", constituency, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())',
        [id, workspaceId, o.shortName, o.name.vi, o.name.en, o.constituency],
      );
    }
    // The author of the synthetic progress reports: an EDITOR of the lead organization.
    const lead = catalogue.organizations.findIndex(
      (o) => o.shortName === LARGE_WORKSPACE.leadOrganization,
    );
    if (lead < 0) throw new Error(`The catalogue has no ${LARGE_WORKSPACE.leadOrganization}`);
    const editor = await client.query<{ id: string }>(
      `INSERT INTO "User" (id, email, "displayName", "updatedAt") VALUES ($1, $2, $3, now())
       ON CONFLICT (email) DO UPDATE SET "displayName" = EXCLUDED."displayName"
       RETURNING id`,
      [randomUUID(), LARGE_WORKSPACE.editor.email, LARGE_WORKSPACE.editor.displayName],
    );
    await client.query(
      'INSERT INTO "Membership" (id, "userId", "workspaceId", role, "organizationId", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())',
      [randomUUID(), editor.rows[0]!.id, workspaceId, 'EDITOR', organizationIds[lead]],
    );
    const frameworkIds: string[] = [];
    for (const f of catalogue.frameworks) {
      const id = randomUUID();
      frameworkIds.push(id);
      await client.query(
        'INSERT INTO "Framework" (id, "workspaceId", code, "titleVi", "titleEn", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())',
        [id, workspaceId, f.code, f.title.vi, f.title.en],
      );
    }
    const started = Date.now();
    await insertSyntheticCommitments(
      database.url,
      { workspaceId, frameworkIds, organizationIds },
      count,
    );
    console.log(
      `Workspace "${LARGE_WORKSPACE.slug}": ${count} commitments in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.end();
    await database.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
