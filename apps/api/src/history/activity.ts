import type { Prisma } from '../generated/prisma/client';

/** What an ActivityEvent says changed: `{ field: { before, after } }`. */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Every kind of record the audit trail names, for filters and documentation. */
export const ACTIVITY_ENTITIES = [
  'commitment',
  'progressUpdate',
  'indicator',
  'measurement',
  'evidence',
  'position',
  'comment',
  'member',
  'organization',
  'framework',
  'workspace',
  'reportingCalendar',
  'reportingPeriod',
] as const;

export type ActivityEntity = (typeof ACTIVITY_ENTITIES)[number];

export interface ActivityInput {
  workspaceId: string;
  actorId: string;
  /** The commitment the record belongs to; null for administration (members, organizations…). */
  commitmentId: string | null;
  entityType: ActivityEntity;
  entityId: string;
  /** e.g. created, updated, archived, restored, submitted, approved, returned, deleted. */
  action: string;
  changes: FieldChanges;
}

/**
 * Who did what to a workspace-level record (not one commitment's): the head of its event.
 */
export function workspaceRecordEvent(
  member: { workspaceId: string; userId: string },
  entityType: ActivityEntity,
  entityId: string,
) {
  return {
    workspaceId: member.workspaceId,
    actorId: member.userId,
    commitmentId: null,
    entityType,
    entityId,
  };
}

/**
 * Writes one audit event inside the caller's transaction, so the change and its record commit
 * or fail together.
 */
export async function recordActivity(
  tx: Prisma.TransactionClient,
  event: ActivityInput,
): Promise<void> {
  await tx.activityEvent.create({
    data: { ...event, changes: event.changes as Prisma.InputJsonValue },
  });
}

/** The fields whose values differ between `before` and `after` (compared as JSON). */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(normalize(before[field])) !== JSON.stringify(normalize(value))) {
      changes[field] = { before: normalize(before[field]), after: normalize(value) };
    }
  }
  return changes;
}

/** All fields of a new or removed record, as the `after` (or `before`) side of its event. */
export function snapshot(record: Record<string, unknown>, side: 'before' | 'after'): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined) continue;
    changes[field] =
      side === 'after'
        ? { before: null, after: normalize(value) }
        : { before: normalize(value), after: null };
  }
  return changes;
}

function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object' && 'toFixed' in value) return Number(value);
  return value ?? null;
}
