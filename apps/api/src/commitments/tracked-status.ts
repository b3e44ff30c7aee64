import type { CommitmentStatus } from '@spct/contracts';

/**
 * The status to show beside an item's progress. Only a trackable item (no active children and a
 * lead organization) has a status of its own. A parent's progress is rolled up from its children
 * while its stored status is never reported on (it would read "not started" beside 51 %), and a
 * clause that no organization has taken up is not tracked at all: both give null.
 */
export function trackedStatus(item: {
  status: CommitmentStatus;
  activeChildren: number;
  leadOrgId: string | null;
}): CommitmentStatus | null {
  return item.activeChildren === 0 && item.leadOrgId !== null ? item.status : null;
}

export const TRACKED_STATUS_DESCRIPTION =
  'The status to show beside the progress: the item\'s own status when it is trackable (no active children, a lead organization); null for a parent (its progress is the roll-up of its children\'s) and for a clause no organization has taken up ("not tracked")';
