import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { commitmentKeys } from '../commitments/queries';

interface Path {
  slug: string;
  commitmentId: string;
}

export interface LinkInput {
  url: string;
  title: string;
}

/** Adds a link to the commitment, or to one of its progress reports when `updateId` is given. */
export function postEvidenceLink(path: Path, link: LinkInput, updateId?: string) {
  const body = { kind: 'LINK' as const, url: link.url.trim(), title: link.title.trim() };
  return updateId
    ? unwrap(
        api.POST('/api/workspaces/{slug}/commitments/{commitmentId}/updates/{updateId}/evidence', {
          params: { path: { ...path, updateId } },
          body,
        }),
      )
    : unwrap(
        api.POST('/api/workspaces/{slug}/commitments/{commitmentId}/evidence', {
          params: { path },
          body,
        }),
      );
}

export const evidenceKey = ({ slug, commitmentId }: Path) =>
  commitmentKeys.related(slug, commitmentId, 'evidence');

export function useAddEvidenceLink(path: Path) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (link: LinkInput) => postEvidenceLink(path, link),
    meta: { success: 'evidence' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evidenceKey(path) }),
  });
}

export function useDeleteEvidence(path: Path) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evidenceId: string) =>
      unwrap(
        api.DELETE('/api/workspaces/{slug}/commitments/{commitmentId}/evidence/{evidenceId}', {
          params: { path: { ...path, evidenceId } },
        }),
      ),
    meta: { success: 'evidenceDeleted' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evidenceKey(path) }),
  });
}
