import { useMemo } from 'react';
import type { Membership } from '../../api/types';
import { type Action, can, type PolicyResource } from './permissions';
import { useMe } from './queries';

export interface MembershipAccess {
  membership: Membership | undefined;
  role: Membership['role'] | undefined;
  organization: Membership['organization'] | undefined;
  /** Whether the user may do `action` in this workspace (false while loading or if no member). */
  can: (action: Action, resource?: PolicyResource) => boolean;
}

/** The signed-in user's role and organization in a workspace, and what they may do there. */
export function useMembership(slug: string | undefined): MembershipAccess {
  const me = useMe();
  return useMemo(() => {
    const membership = me.data?.memberships.find((item) => item.workspace.slug === slug);
    const userId = me.data?.user.id;
    return {
      membership,
      role: membership?.role,
      organization: membership?.organization,
      can: (action, resource) =>
        membership !== undefined &&
        userId !== undefined &&
        can(
          {
            userId,
            role: membership.role,
            organizationId: membership.organization?.id ?? null,
          },
          action,
          resource,
        ),
    };
  }, [me.data, slug]);
}
