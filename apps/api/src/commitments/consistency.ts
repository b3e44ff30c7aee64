import type { FieldError } from '../common/api-error';

/** The facts the consistency rules of DESIGN.md look at. */
export interface ConsistencyFacts {
  status: string;
  progress: number;
  startDate: Date | null;
  targetDate: Date | null;
  /** Evidence items on the commitment (and, for an update, on that update). */
  evidenceCount: number;
}

/**
 * DESIGN.md's rules: COMPLETED needs at least one evidence item and progress 100; progress 100
 * means COMPLETED; the target date is not before the start date. Returns every broken rule, each
 * naming the field a user would correct.
 */
export function consistencyErrors(facts: ConsistencyFacts): FieldError[] {
  const errors: FieldError[] = [];
  if (facts.status === 'COMPLETED' && facts.progress !== 100) {
    errors.push({
      field: 'progress',
      code: 'completedNeedsProgress100',
      message: 'a COMPLETED commitment has progress 100',
    });
  }
  if (facts.progress === 100 && facts.status !== 'COMPLETED') {
    errors.push({
      field: 'status',
      code: 'progress100NeedsCompleted',
      message: 'progress 100 means the status is COMPLETED',
    });
  }
  if (facts.status === 'COMPLETED' && facts.evidenceCount === 0) {
    errors.push({
      field: 'status',
      code: 'completedNeedsEvidence',
      message: 'COMPLETED needs at least one evidence item',
    });
  }
  if (facts.startDate && facts.targetDate && facts.targetDate < facts.startDate) {
    errors.push({
      field: 'targetDate',
      code: 'beforeOther',
      other: 'startDate',
      message: 'the target date is before the start date',
    });
  }
  return errors;
}
