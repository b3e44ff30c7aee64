import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ifMatch } from '../../api/concurrency';
import type { CreateProgressUpdateBody, ProgressUpdate } from '../../api/types';
import { commitmentKeys } from '../commitments/queries';
import { dashboardKeys } from '../dashboard/queries';
import { frameworkKeys } from '../frameworks/queries';
import { myWorkKeys } from '../my-work/queries';

type Path = { slug: string; commitmentId: string };
type UpdatePath = Path & { updateId: string };

/**
 * After a decision the report's state changes (and the work queues and history with it); after an
 * approval also the commitment's official status and progress, its parents', the frameworks'
 * progress, the lists and the dashboard. Everything about commitments (history included),
 * frameworks, the dashboard and the My work queues is marked stale; only what is on screen
 * refetches at once.
 */
export function invalidateAfterDecision(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: commitmentKeys.all }),
    queryClient.invalidateQueries({ queryKey: frameworkKeys.all }),
    queryClient.invalidateQueries({ queryKey: myWorkKeys.all }),
    queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
  ]);
}

/**
 * Saves a report: creates a draft, or edits the author's draft or returned report naming the
 * `version` it was loaded at (If-Match): a 412 carries the report as stored now.
 */
export function useSaveReport(path: Path) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      body,
    }: {
      id?: string;
      version?: number;
      body: CreateProgressUpdateBody;
    }) =>
      id && version !== undefined
        ? unwrap(
            api.PATCH('/api/workspaces/{slug}/commitments/{commitmentId}/updates/{updateId}', {
              params: {
                path: { ...path, updateId: id },
                header: { 'If-Match': ifMatch(version) },
              },
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
        // The report list and the history both live under the commitment's key.
        queryClient.invalidateQueries({
          queryKey: commitmentKeys.detail(path.slug, path.commitmentId),
        }),
        queryClient.invalidateQueries({ queryKey: myWorkKeys.all }),
      ]),
  });
}

export type Decision = 'submit' | 'approve' | 'return';

function decide(
  path: UpdatePath,
  decision: Decision,
  reason?: string,
  version?: number,
): Promise<ProgressUpdate> {
  // If-Match is optional on a decision but honoured: a report changed meanwhile answers 412.
  const header = version !== undefined ? { 'If-Match': ifMatch(version) } : undefined;
  const params = { params: { path, header } };
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
      version,
    }: {
      updateId: string;
      decision: Decision;
      reason?: string;
      /** The version the user decided on, sent as If-Match. */
      version?: number;
    }) => decide({ ...path, updateId }, decision, reason, version),
    onSettled: () => invalidateAfterDecision(queryClient),
  });
}
