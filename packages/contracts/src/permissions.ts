import type { Role } from './enums';

/**
 * DESIGN.md's permissions table, shared by the API (which enforces it) and the web app (which
 * uses it only to offer what the user may do).
 */

/** Everything a member can try to do in a workspace (DESIGN.md, "Permissions"). */
export const ACTIONS = [
  'commitment.read',
  'commitment.create',
  'commitment.edit',
  'commitment.archive',
  'update.write',
  'evidence.write',
  'measurement.write',
  'update.decide',
  'comment.write',
  'position.record',
  'export',
  'import',
  'report.generate',
  'workspace.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * allow: always; ownOrg: when the resource belongs to the member's organization (as lead or
 * co-responsible organization, or as the organization a position is recorded for);
 * notAuthor: when the member did not write the resource (four eyes).
 */
type Rule = 'allow' | 'ownOrg' | 'notAuthor' | 'deny';

// prettier-ignore -- a table reads best as one.
const RULES: Record<Action, Record<Role, Rule>> = {
  'commitment.read': {
    ADMIN: 'allow',
    MANAGER: 'allow',
    EDITOR: 'allow',
    PARTNER: 'allow',
    VIEWER: 'allow',
  },
  'commitment.create': {
    ADMIN: 'allow',
    MANAGER: 'deny',
    EDITOR: 'ownOrg',
    PARTNER: 'deny',
    VIEWER: 'deny',
  },
  'commitment.edit': {
    ADMIN: 'allow',
    MANAGER: 'deny',
    EDITOR: 'ownOrg',
    PARTNER: 'deny',
    VIEWER: 'deny',
  },
  'commitment.archive': {
    ADMIN: 'allow',
    MANAGER: 'deny',
    EDITOR: 'ownOrg',
    PARTNER: 'deny',
    VIEWER: 'deny',
  },
  'update.write': {
    ADMIN: 'allow',
    MANAGER: 'deny',
    EDITOR: 'ownOrg',
    PARTNER: 'deny',
    VIEWER: 'deny',
  },
  'evidence.write': {
    ADMIN: 'allow',
    MANAGER: 'deny',
    EDITOR: 'ownOrg',
    PARTNER: 'deny',
    VIEWER: 'deny',
  },
  'measurement.write': {
    ADMIN: 'allow',
    MANAGER: 'deny',
    EDITOR: 'ownOrg',
    PARTNER: 'deny',
    VIEWER: 'deny',
  },
  'update.decide': {
    ADMIN: 'notAuthor',
    MANAGER: 'notAuthor',
    EDITOR: 'deny',
    PARTNER: 'deny',
    VIEWER: 'deny',
  },
  'comment.write': {
    ADMIN: 'allow',
    MANAGER: 'allow',
    EDITOR: 'allow',
    PARTNER: 'allow',
    VIEWER: 'deny',
  },
  'position.record': {
    ADMIN: 'allow',
    MANAGER: 'deny',
    EDITOR: 'ownOrg',
    PARTNER: 'ownOrg',
    VIEWER: 'deny',
  },
  export: { ADMIN: 'allow', MANAGER: 'allow', EDITOR: 'allow', PARTNER: 'allow', VIEWER: 'allow' },
  /** Commitments from a spreadsheet; an EDITOR's rows only for their own organization. */
  import: { ADMIN: 'allow', MANAGER: 'deny', EDITOR: 'ownOrg', PARTNER: 'deny', VIEWER: 'deny' },
  /** A period report (PDF); everyone who may export may download the reports made. */
  'report.generate': {
    ADMIN: 'allow',
    MANAGER: 'allow',
    EDITOR: 'deny',
    PARTNER: 'deny',
    VIEWER: 'deny',
  },
  'workspace.manage': {
    ADMIN: 'allow',
    MANAGER: 'deny',
    EDITOR: 'deny',
    PARTNER: 'deny',
    VIEWER: 'deny',
  },
};

export interface PolicySubject {
  userId: string;
  role: Role;
  organizationId: string | null;
}

/** What an action is aimed at, as far as the rules care. */
export interface PolicyResource {
  /** The organizations the resource belongs to (lead and co-responsible, or a position's). */
  organizationIds?: readonly (string | null)[];
  /** Who wrote the resource. */
  authorId?: string;
}

/** Whether the member may do `action` to `resource`. */
export function can(actor: PolicySubject, action: Action, resource: PolicyResource = {}): boolean {
  switch (RULES[action][actor.role]) {
    case 'allow':
      return true;
    case 'deny':
      return false;
    case 'ownOrg':
      return (
        actor.organizationId !== null &&
        (resource.organizationIds ?? []).includes(actor.organizationId)
      );
    case 'notAuthor':
      return resource.authorId !== undefined && resource.authorId !== actor.userId;
  }
}

/** Whether the role can do `action` to at least some resource (the route-level check). */
export function mayAttempt(role: Role, action: Action): boolean {
  return RULES[action][role] !== 'deny';
}

/**
 * Whether the member may do `action` to at least one resource: the API's route-level check
 * refines this per role; the web app shows or hides an action with it.
 */
export function canAtAll(actor: PolicySubject, action: Action): boolean {
  const rule = RULES[action][actor.role];
  return rule !== 'deny' && (rule !== 'ownOrg' || actor.organizationId !== null);
}
