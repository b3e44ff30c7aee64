import { Prisma } from '../generated/prisma/client';

/** How recent a submitted or approved progress report must be for a commitment to be up to date. */
export const NEEDS_UPDATE_DAYS = 90;

/** What `needsUpdate=true` means, for the API description and the interface. */
export const NEEDS_UPDATE_DESCRIPTION =
  `Only (true) or no (false) commitments that need a progress report: not archived, neither ` +
  `COMPLETED nor DISCONTINUED, and without a report SUBMITTED or APPROVED (by submittedAt) in ` +
  `the last ${NEEDS_UPDATE_DAYS} days`;

/** The first instant that still counts as recent on `today` (UTC midnight). */
export function needsUpdateSince(today: Date): Date {
  return new Date(today.getTime() - NEEDS_UPDATE_DAYS * 24 * 60 * 60 * 1000);
}

/**
 * The condition, on the commitment aliased `c`. The NOT EXISTS probes the reports of one
 * commitment through the (commitmentId, createdAt) index, so the filter never scans reports.
 */
export function needsUpdateSql(today: Date): Prisma.Sql {
  return Prisma.sql`(c.archived = false
    AND c.status NOT IN ('COMPLETED', 'DISCONTINUED')
    AND NOT EXISTS (
      SELECT 1 FROM "ProgressUpdate" u
      WHERE u."commitmentId" = c.id
        AND u.state IN ('SUBMITTED', 'APPROVED')
        AND u."submittedAt" >= ${needsUpdateSince(today)}::timestamp
    ))`;
}
