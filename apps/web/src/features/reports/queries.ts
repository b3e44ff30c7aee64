import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { CreateProgressUpdateBody, ProgressUpdate } from '../../api/types';
import { commitmentKeys } from '../commitments/queries';
import { frameworkKeys } from '../frameworks/queries';

type Path = { slug: string; commitmentId: string };
type UpdatePath = Path & { updateId: string };

const updatesKey = ({ slug, commitmentId }: Path) =>
  commitmentKeys.related(slug, commitmentId, 'updates');

/**
 * After a decision the report's state changes (and the work queues and history with it); after an
 * approval also the commitment's official status and progress, its parents', the frameworks'
 * progress and the lists. Everything about commitments and frameworks is marked stale (only what
 * is on screen refetches at once), and so is any other query naming the commitment.
 */
export function invalidateAfterDecision(queryClient: QueryClient, { commitmentId }: Path) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: commitmentKeys.all }),
    queryClient.invalidateQueries({ queryKey: frameworkKeys.all }),
    queryClient.invalidateQueries({
      predicate: (query) =>
        query.queryKey.includes(commitmentId) || query.queryKey.includes('history'),
    }),
  ]);
}

/** Saves a report: creates a draft, or edits the author's draft or returned report. */
export function useSaveReport(path: Path) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateProgressUpdateBody }) =>
      id
        ? unwrap(
            api.PATCH('/api/workspaces/{slug}/commitments/{commitmentId}/updates/{updateId}', {
              params: { path: { ...path, updateId: id } },
              body,
            }),
          )
        : unwrap(
            api.POST('/api/workspaces/{slug}/commitments/{commitmentId}/updates', {
              params: { path },
              body,
            }),
          ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: updatesKey(path) }),
        queryClient.invalidateQueries({
          predicate: (query) =>
            query.queryKey.includes('history') && query.queryKey.includes(path.commitmentId),
        }),
      ]),
  });
}

export type Decision = 'submit' | 'approve' | 'return';

function decide(path: UpdatePath, decision: Decision, reason?: string): Promise<ProgressUpdate> {
  const params = { params: { path } };
  switch (decision) {
    case 'submit':
      return unwrap(
        api.POST(
          '/api/workspaces/{slug}/commitments/{commitmentId}/updates/{updateId}/submit',
          params,
        ),
      );
    case 'approve':
      return unwrap(
        api.POST(
          '/api/workspaces/{slug}/commitments/{commitmentId}/updates/{updateId}/approve',
          params,
        ),
      );
    case 'return':
      return unwrap(
        api.POST('/api/workspaces/{slug}/commitments/{commitmentId}/updates/{updateId}/return', {
          ...params,
          body: { reason: reason ?? '' },
        }),
      );
  }
}

/** Submits, approves or returns a report; a 409 (it changed state meanwhile) refreshes it too. */
export function useReportDecision(path: Path) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      updateId,
      decision,
      reason,
    }: {
      updateId: string;
      decision: Decision;
      reason?: string;
    }) => decide({ ...path, updateId }, decision, reason),
    onSettled: () => invalidateAfterDecision(queryClient, path),
  });
}
