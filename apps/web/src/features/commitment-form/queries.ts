import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ifMatch, staleCurrent } from '../../api/concurrency';
import type { CommitmentDetail, CreateCommitmentBody, UpdateCommitmentBody } from '../../api/types';
import { commitmentKeys } from '../commitments/queries';
import { dashboardKeys } from '../dashboard/queries';
import { frameworkKeys } from '../frameworks/queries';
import { showSuccess } from '../layout/toasts';

/** After any write: the commitment, the lists, the framework trees (roll-ups) and the dashboard are stale. */
function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return (saved?: CommitmentDetail) => {
    if (saved) queryClient.setQueryData(commitmentKeys.detail(slug, saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: commitmentKeys.all });
    void queryClient.invalidateQueries({ queryKey: frameworkKeys.all });
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
  };
}

export function useCreateCommitment(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: CreateCommitmentBody) =>
      unwrap(api.POST('/api/workspaces/{slug}/commitments', { params: { path: { slug } }, body })),
    meta: { success: 'commitment' },
    onSuccess: (created) => refresh(created),
  });
}

export function useUpdateCommitment(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: UpdateCommitmentBody }) =>
      unwrap(
        api.PATCH('/api/workspaces/{slug}/commitments/{id}', {
          params: { path: { slug, id }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    meta: { success: 'commitment' },
    onSuccess: (saved) => refresh(saved),
  });
}

export function useArchiveCommitment(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ version, archived }: { version: number; archived: boolean }) =>
      unwrap(
        archived
          ? api.DELETE('/api/workspaces/{slug}/commitments/{id}', {
              params: { path: { slug, id }, header: { 'If-Match': ifMatch(version) } },
            })
          : api.POST('/api/workspaces/{slug}/commitments/{id}/restore', {
              params: { path: { slug, id }, header: { 'If-Match': ifMatch(version) } },
            }),
      ),
    onSuccess: (saved, { archived }) => {
      showSuccess(archived ? 'commitmentArchived' : 'commitmentRestored');
      refresh(saved);
    },
    onError: (error) => {
      const current = staleCurrent<CommitmentDetail>(error);
      refresh(current ?? undefined);
    },
  });
}
