import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const notificationKeys = {
  all: ['notifications'] as const,
  inbox: (slug: string) => [...notificationKeys.all, 'inbox', slug] as const,
  follow: (slug: string, commitmentId: string) =>
    [...notificationKeys.all, 'follow', slug, commitmentId] as const,
};

/** The first page of the caller's inbox and the unread count, asked again every half minute. */
export const inboxQuery = (slug: string) =>
  queryOptions({
    queryKey: notificationKeys.inbox(slug),
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/notifications', {
          params: { path: { slug }, query: { limit: 50 } },
        }),
      ),
    refetchInterval: 30_000,
  });

export function useMarkRead(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      id === 'all'
        ? unwrap(
            api.POST('/api/workspaces/{slug}/notifications/read-all', {
              params: { path: { slug } },
            }),
          )
        : unwrap(
            api.POST('/api/workspaces/{slug}/notifications/{id}/read', {
              params: { path: { slug, id } },
            }),
          ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.inbox(slug) }),
  });
}

export const followQuery = (slug: string, commitmentId: string) =>
  queryOptions({
    queryKey: notificationKeys.follow(slug, commitmentId),
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/commitments/{commitmentId}/follow', {
          params: { path: { slug, commitmentId } },
        }),
      ),
  });

export function useFollow(slug: string, commitmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => {
      const params = { params: { path: { slug, commitmentId } } };
      return unwrap(
        follow
          ? api.PUT('/api/workspaces/{slug}/commitments/{commitmentId}/follow', params)
          : api.DELETE('/api/workspaces/{slug}/commitments/{commitmentId}/follow', params),
      );
    },
    onSuccess: (answer) =>
      queryClient.setQueryData(notificationKeys.follow(slug, commitmentId), answer),
  });
}
