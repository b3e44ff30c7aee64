import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ifMatch } from '../../api/concurrency';
import type { CreateCommentBody, RecordPositionBody, UpdateCommentBody } from '../../api/types';
import { commitmentKeys } from '../commitments/queries';
import { dashboardKeys } from '../dashboard/queries';

interface Path {
  slug: string;
  commitmentId: string;
}

/**
 * Refreshes the thread or the positions after a write, and the commitment's history; positions
 * also the dashboard's dialogue figures.
 */
function useRefresh(path: Path, kind: 'comments' | 'positions') {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({
        queryKey: commitmentKeys.related(path.slug, path.commitmentId, kind),
      }),
      queryClient.invalidateQueries({
        queryKey: commitmentKeys.related(path.slug, path.commitmentId, 'history'),
      }),
      kind === 'positions' && queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
    ]);
}

/** Writes a new comment, or a reply when the body names its `parentId`. */
export function useCreateComment(path: Path) {
  const refresh = useRefresh(path, 'comments');
  return useMutation({
    mutationFn: (body: CreateCommentBody) =>
      unwrap(
        api.POST('/api/workspaces/{slug}/commitments/{commitmentId}/comments', {
          params: { path },
          body,
        }),
      ),
    meta: { success: 'comment' },
    onSuccess: refresh,
  });
}

/**
 * Edits a comment naming the `version` it was loaded at (If-Match); a 412 carries the comment
 * as stored now. The thread refreshes either way.
 */
export function useEditComment(path: Path) {
  const refresh = useRefresh(path, 'comments');
  return useMutation({
    mutationFn: ({
      commentId,
      version,
      body,
    }: {
      commentId: string;
      version: number;
      body: UpdateCommentBody;
    }) =>
      unwrap(
        api.PATCH('/api/workspaces/{slug}/commitments/{commitmentId}/comments/{commentId}', {
          params: { path: { ...path, commentId }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    meta: { success: 'commentEdited' },
    onSettled: refresh,
  });
}

/** Deletes a comment naming the `version` the user saw (If-Match). */
export function useDeleteComment(path: Path) {
  const refresh = useRefresh(path, 'comments');
  return useMutation({
    mutationFn: ({ commentId, version }: { commentId: string; version: number }) =>
      unwrap(
        api.DELETE('/api/workspaces/{slug}/commitments/{commitmentId}/comments/{commentId}', {
          params: { path: { ...path, commentId }, header: { 'If-Match': ifMatch(version) } },
        }),
      ),
    meta: { success: 'commentDeleted' },
    onSettled: refresh,
  });
}

/**
 * Records the organization's position: `version` (If-Match) when it replaces a recorded one,
 * none to record the first. A 412 (or 428 when someone recorded it first) carries the stored one.
 */
export function useRecordPosition(path: Path) {
  const refresh = useRefresh(path, 'positions');
  return useMutation({
    mutationFn: ({
      organizationId,
      version,
      body,
    }: {
      organizationId: string;
      version?: number;
      body: RecordPositionBody;
    }) =>
      unwrap(
        api.PUT('/api/workspaces/{slug}/commitments/{commitmentId}/positions/{organizationId}', {
          params: {
            path: { ...path, organizationId },
            header: version !== undefined ? { 'If-Match': ifMatch(version) } : undefined,
          },
          body,
        }),
      ),
    meta: { success: 'position' },
    onSettled: refresh,
  });
}
