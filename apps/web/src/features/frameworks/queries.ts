import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const frameworkKeys = {
  all: ['frameworks'] as const,
  lists: () => [...frameworkKeys.all, 'list'] as const,
  list: (slug: string) => [...frameworkKeys.lists(), slug] as const,
  details: () => [...frameworkKeys.all, 'detail'] as const,
  detail: (slug: string, id: string) => [...frameworkKeys.details(), slug, id] as const,
};

export const frameworksQuery = (slug: string) =>
  queryOptions({
    queryKey: frameworkKeys.list(slug),
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{slug}/frameworks', { params: { path: { slug } } })),
  });

export const frameworkQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: frameworkKeys.detail(slug, id),
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{slug}/frameworks/{id}', { params: { path: { slug, id } } })),
  });
