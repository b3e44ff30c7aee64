import {
  type Action,
  can as canOnResource,
  canAtAll,
  type PolicyResource,
  type PolicySubject,
} from '@spct/contracts';

export { ACTIONS, type Action, type PolicyResource } from '@spct/contracts';

/**
 * Whether the member may do `action`, by the same table the API enforces. Without a resource:
 * whether they may do it to at least some resource (e.g. "show the button at all"). The web app
 * uses this only to offer what the user can do; the server decides.
 */
export function can(subject: PolicySubject, action: Action, resource?: PolicyResource): boolean {
  return resource === undefined
    ? canAtAll(subject, action)
    : canOnResource(subject, action, resource);
}

/** What the rules see of a commitment: its lead and co-responsible organizations. */
export function commitmentResource(commitment: {
  leadOrgId: string | null;
  coOrgIds: readonly string[];
}): PolicyResource {
  return { organizationIds: [commitment.leadOrgId, ...commitment.coOrgIds] };
}
