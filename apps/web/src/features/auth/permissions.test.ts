import { ROLES, type Role } from '@spct/contracts';
import { ACTIONS, type Action, can } from './permissions';

const subject = (role: Role, organizationId: string | null = 'o-molisa') => ({
  userId: 'u-1',
  role,
  organizationId,
});

// DESIGN.md's permissions table, row by row: the roles that may do each action at all.
const TABLE: Record<Action, Role[]> = {
  'commitment.read': ['ADMIN', 'MANAGER', 'EDITOR', 'PARTNER', 'VIEWER'],
  'commitment.create': ['ADMIN', 'EDITOR'],
  'commitment.edit': ['ADMIN', 'EDITOR'],
  'commitment.archive': ['ADMIN', 'EDITOR'],
  'update.write': ['ADMIN', 'EDITOR'],
  'evidence.write': ['ADMIN', 'EDITOR'],
  'measurement.write': ['ADMIN', 'EDITOR'],
  'update.decide': ['ADMIN', 'MANAGER'],
  'comment.write': ['ADMIN', 'MANAGER', 'EDITOR', 'PARTNER'],
  'position.record': ['ADMIN', 'EDITOR', 'PARTNER'],
  export: ['ADMIN', 'MANAGER', 'EDITOR', 'PARTNER', 'VIEWER'],
  import: ['ADMIN', 'EDITOR'],
  'report.generate': ['ADMIN', 'MANAGER'],
  'workspace.manage': ['ADMIN'],
};

describe('can', () => {
  it.each(ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const)))(
    '%s by %s follows the table',
    (action, role) => {
      expect(can(subject(role), action)).toBe(TABLE[action].includes(role));
    },
  );

  it("limits an editor to their own organization's commitments", () => {
    const editor = subject('EDITOR');
    expect(can(editor, 'commitment.edit', { organizationIds: ['o-vss', 'o-molisa'] })).toBe(true);
    expect(can(editor, 'commitment.edit', { organizationIds: ['o-vss'] })).toBe(false);
    expect(can(subject('EDITOR', null), 'update.write')).toBe(false);
    expect(can(subject('ADMIN'), 'commitment.edit', { organizationIds: ['o-vss'] })).toBe(true);
  });

  it('never lets the author decide their own update', () => {
    expect(can(subject('MANAGER'), 'update.decide', { authorId: 'u-1' })).toBe(false);
    expect(can(subject('MANAGER'), 'update.decide', { authorId: 'u-2' })).toBe(true);
  });
});
