import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const organizationKeys = {
  all: ['organizations'] as const,
  list: (slug: string) => [...organizationKeys.all, 'list', slug] as const,
};

export const organizationsQuery = (slug: string) =>
  queryOptions({
    queryKey: organizationKeys.list(slug),
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{slug}/organizations', { params: { path: { slug } } })),
    staleTime: 5 * 60_000,
    select: (page) => page.items,
  });
