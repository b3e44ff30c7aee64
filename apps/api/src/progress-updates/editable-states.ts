import { type UpdateState } from '@spct/contracts';

/** The states in which a progress report is still being written: its content and evidence may change. */
export const EDITABLE_STATES: readonly UpdateState[] = ['DRAFT', 'RETURNED'];

export function isEditable(state: UpdateState): boolean {
  return EDITABLE_STATES.includes(state);
}
