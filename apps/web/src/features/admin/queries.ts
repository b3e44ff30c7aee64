import {
  infiniteQueryOptions,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ifMatch } from '../../api/concurrency';
import type { paths } from '@spct/contracts';
import type {
  FrameworkBody,
  InviteMemberBody,
  OrganizationBody,
  UpdateMemberBody,
} from '../../api/types';

/** A record being edited: its id and the version the change is based on (sent as If-Match). */
export interface Edited {
  id: string;
  version: number;
}
import { frameworkKeys } from '../frameworks/queries';
import { organizationKeys } from '../organizations/queries';

export const memberKeys = {
  all: ['members'] as const,
  list: (slug: string) => [...memberKeys.all, 'list', slug] as const,
};

export const membersQuery = (slug: string) =>
  queryOptions({
    queryKey: memberKeys.list(slug),
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{slug}/members', { params: { path: { slug } } })),
    select: (page) => page.items,
  });

export function useInviteMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteMemberBody) =>
      unwrap(api.POST('/api/workspaces/{slug}/members', { params: { path: { slug } }, body })),
    meta: { success: 'memberInvited' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(slug) }),
  });
}

export function useUpdateMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ member: { id, version }, body }: { member: Edited; body: UpdateMemberBody }) =>
      unwrap(
        api.PATCH('/api/workspaces/{slug}/members/{id}', {
          params: { path: { slug, id }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    meta: { success: 'member' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(slug) }),
  });
}

export function useNewInvitation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/api/workspaces/{slug}/members/{id}/invitation', {
          params: { path: { slug, id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(slug) }),
  });
}

export function useSaveOrganization(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organization, body }: { organization?: Edited; body: OrganizationBody }) =>
      organization
        ? unwrap(
            api.PATCH('/api/workspaces/{slug}/organizations/{id}', {
              params: {
                path: { slug, id: organization.id },
                header: { 'If-Match': ifMatch(organization.version) },
              },
              body,
            }),
          )
        : unwrap(
            api.POST('/api/workspaces/{slug}/organizations', { params: { path: { slug } }, body }),
          ),
    // Settled: a 412 also means the list is stale.
    meta: { success: 'organization' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: organizationKeys.list(slug) }),
  });
}

export function useDeleteOrganization(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: Edited) =>
      unwrap(
        api.DELETE('/api/workspaces/{slug}/organizations/{id}', {
          params: { path: { slug, id }, header: { 'If-Match': ifMatch(version) } },
        }),
      ),
    meta: { success: 'organizationDeleted' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: organizationKeys.list(slug) }),
  });
}

export function useSaveFramework(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ framework, body }: { framework?: Edited; body: FrameworkBody }) =>
      framework
        ? unwrap(
            api.PATCH('/api/workspaces/{slug}/frameworks/{id}', {
              params: {
                path: { slug, id: framework.id },
                header: { 'If-Match': ifMatch(framework.version) },
              },
              body,
            }),
          )
        : unwrap(
            api.POST('/api/workspaces/{slug}/frameworks', { params: { path: { slug } }, body }),
          ),
    // Settled: a 412 also means the list is stale; a framework's detail shows its fields too.
    meta: { success: 'framework' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: frameworkKeys.all }),
  });
}

export const ACTIVITY_PAGE_SIZE = 25;

/**
 * What the activity log is narrowed to: kinds of record, who acted and the days (YYYY-MM-DD,
 * both inclusive) it happened on (empty or null: everything).
 */
export interface ActivityFilters {
  entityTypes: ActivityEntityType[];
  actorId: string | null;
  from: string | null;
  to: string | null;
}

export type ActivityEntityType = NonNullable<
  NonNullable<
    NonNullable<
      paths['/api/workspaces/{slug}/activity']['get']['parameters']['query']
    >['entityType']
  >
>[number];

export const activityKeys = {
  all: ['activity'] as const,
  list: (slug: string, filters: ActivityFilters) => [...activityKeys.all, slug, filters] as const,
};

/** The workspace's audit trail, newest first, a page at a time. */
export const activityQuery = (slug: string, filters: ActivityFilters) =>
  infiniteQueryOptions({
    queryKey: activityKeys.list(slug, filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/workspaces/{slug}/activity', {
          params: {
            path: { slug },
            query: {
              cursor: pageParam ?? undefined,
              limit: ACTIVITY_PAGE_SIZE,
              entityType: filters.entityTypes.length > 0 ? filters.entityTypes : undefined,
              actorId: filters.actorId ?? undefined,
              from: filters.from ?? undefined,
              to: filters.to ?? undefined,
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const signInFailuresQuery = (slug: string) =>
  queryOptions({
    queryKey: ['signInFailures', slug] as const,
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{slug}/sign-in-failures', { params: { path: { slug } } })),
    select: (page) => page.items,
  });

const OUTBOX_PAGE_SIZE = 25;

/** The workspace's outgoing e-mail, newest first, a page at a time. */
export const outboxQuery = (slug: string) =>
  infiniteQueryOptions({
    queryKey: ['outbox', slug] as const,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/workspaces/{slug}/outbox', {
          params: {
            path: { slug },
            query: { cursor: pageParam ?? undefined, limit: OUTBOX_PAGE_SIZE },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
