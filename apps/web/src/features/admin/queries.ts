import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Organization, Page } from '../../api/types';
import type {
  Invitation,
  InviteMemberBody,
  Member,
  OrganizationBody,
  UpdateMemberBody,
} from '../../api/pending-types';
import { organizationKeys } from '../organizations/queries';

const workspacePath = (slug: string) => `/api/workspaces/${encodeURIComponent(slug)}`;

export const memberKeys = {
  all: ['members'] as const,
  list: (slug: string) => [...memberKeys.all, 'list', slug] as const,
};

export const membersQuery = (slug: string) =>
  queryOptions({
    queryKey: memberKeys.list(slug),
    queryFn: () => callApi<Page<Member>>('GET', `${workspacePath(slug)}/members`),
    select: (page) => page.items,
  });

export function useInviteMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteMemberBody) =>
      callApi<Invitation>('POST', `${workspacePath(slug)}/members`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(slug) }),
  });
}

export function useUpdateMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMemberBody }) =>
      callApi<Member>('PATCH', `${workspacePath(slug)}/members/${encodeURIComponent(id)}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(slug) }),
  });
}

export function useNewInvitation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      callApi<Invitation>(
        'POST',
        `${workspacePath(slug)}/members/${encodeURIComponent(id)}/invitation`,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(slug) }),
  });
}

export function useSaveOrganization(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: OrganizationBody }) =>
      id
        ? callApi<Organization>(
            'PATCH',
            `${workspacePath(slug)}/organizations/${encodeURIComponent(id)}`,
            body,
          )
        : callApi<Organization>('POST', `${workspacePath(slug)}/organizations`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.list(slug) }),
  });
}

export function useDeleteOrganization(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      callApi<void>('DELETE', `${workspacePath(slug)}/organizations/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.list(slug) }),
  });
}
