import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const myWorkKeys = {
  all: ['my-work'] as const,
  workspace: (slug: string) => [...myWorkKeys.all, slug] as const,
};

/** What waits for the signed-in member: due commitments, returned reports, approvals, drafts. */
export const myWorkQuery = (slug: string) =>
  queryOptions({
    queryKey: myWorkKeys.workspace(slug),
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{slug}/my-work', { params: { path: { slug } } })),
  });
