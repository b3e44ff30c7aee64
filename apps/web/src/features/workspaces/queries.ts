import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const workspaceKeys = {
  all: ['workspaces'] as const,
  list: () => [...workspaceKeys.all, 'list'] as const,
};

export const workspacesQuery = () =>
  queryOptions({
    queryKey: workspaceKeys.list(),
    queryFn: () => unwrap(api.GET('/api/workspaces')),
    staleTime: 5 * 60_000,
  });
