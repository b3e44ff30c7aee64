import type { Role } from '@spct/contracts';

/**
 * The permissions table of DESIGN.md, as the API's policy (apps/api/src/permissions/policy.ts)
 * applies it. The web app uses it only to hide what the user cannot do; the server decides.
 */
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
  'workspace.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * allow: always; ownOrg: when the resource belongs to the member's organization; notAuthor: when
 * the member did not write the resource (four eyes); deny: never.
 */
type Rule = 'allow' | 'ownOrg' | 'notAuthor' | 'deny';

const ALL: Record<Role, Rule> = {
  ADMIN: 'allow',
  MANAGER: 'allow',
  EDITOR: 'allow',
  PARTNER: 'allow',
  VIEWER: 'allow',
};
const ORGANIZATION_WORK: Record<Role, Rule> = {
  ADMIN: 'allow',
  MANAGER: 'deny',
  EDITOR: 'ownOrg',
  PARTNER: 'deny',
  VIEWER: 'deny',
};

export const RULES: Record<Action, Record<Role, Rule>> = {
  'commitment.read': ALL,
  'commitment.create': ORGANIZATION_WORK,
  'commitment.edit': ORGANIZATION_WORK,
  'commitment.archive': ORGANIZATION_WORK,
  'update.write': ORGANIZATION_WORK,
  'evidence.write': ORGANIZATION_WORK,
  'measurement.write': ORGANIZATION_WORK,
  'update.decide': {
    ADMIN: 'notAuthor',
    MANAGER: 'notAuthor',
    EDITOR: 'deny',
    PARTNER: 'deny',
    VIEWER: 'deny',
  },
  'comment.write': { ...ALL, VIEWER: 'deny' },
  'position.record': {
    ADMIN: 'allow',
    MANAGER: 'deny',
    EDITOR: 'ownOrg',
    PARTNER: 'ownOrg',
    VIEWER: 'deny',
  },
  export: ALL,
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

/**
 * Whether the member may do `action`. Without a resource, resource-dependent rules answer
 * whether the member may do it to at least some resource (e.g. "show the button at all").
 */
export function can(subject: PolicySubject, action: Action, resource?: PolicyResource): boolean {
  switch (RULES[action][subject.role]) {
    case 'allow':
      return true;
    case 'deny':
      return false;
    case 'ownOrg':
      if (subject.organizationId === null) return false;
      return resource === undefined
        ? true
        : (resource.organizationIds ?? []).includes(subject.organizationId);
    case 'notAuthor':
      return resource === undefined
        ? true
        : resource.authorId !== undefined && resource.authorId !== subject.userId;
  }
}
