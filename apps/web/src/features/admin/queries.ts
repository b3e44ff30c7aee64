import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { InviteMemberBody, OrganizationBody, UpdateMemberBody } from '../../api/types';
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(slug) }),
  });
}

export function useUpdateMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMemberBody }) =>
      unwrap(
        api.PATCH('/api/workspaces/{slug}/members/{id}', { params: { path: { slug, id } }, body }),
      ),
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
    mutationFn: ({ id, body }: { id?: string; body: OrganizationBody }) =>
      id
        ? unwrap(
            api.PATCH('/api/workspaces/{slug}/organizations/{id}', {
              params: { path: { slug, id } },
              body,
            }),
          )
        : unwrap(
            api.POST('/api/workspaces/{slug}/organizations', { params: { path: { slug } }, body }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.list(slug) }),
  });
}

export function useDeleteOrganization(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.DELETE('/api/workspaces/{slug}/organizations/{id}', {
          params: { path: { slug, id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.list(slug) }),
  });
}
