import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { CommitmentFilters } from './search';

export const PAGE_SIZE = 25;

export const commitmentKeys = {
  all: ['commitments'] as const,
  lists: () => [...commitmentKeys.all, 'list'] as const,
  list: (slug: string, filters: CommitmentFilters, cursor: string | null) =>
    [...commitmentKeys.lists(), slug, filters, cursor] as const,
  /** How many match `filters` in all, whatever the order (under `lists`: invalidated with them). */
  count: (slug: string, filters: Omit<CommitmentFilters, 'sort'>) =>
    [...commitmentKeys.lists(), slug, filters, 'count'] as const,
  details: () => [...commitmentKeys.all, 'detail'] as const,
  detail: (slug: string, id: string) => [...commitmentKeys.details(), slug, id] as const,
  /** What hangs off one commitment (updates, indicators...): invalidated with its detail. */
  related: (slug: string, id: string, kind: RelatedKind) =>
    [...commitmentKeys.detail(slug, id), kind] as const,
};

type RelatedKind = 'updates' | 'indicators' | 'comments' | 'positions' | 'evidence' | 'history';

/** One page of the list: the first, or the one after `cursor`. The previous page stays shown while the next loads. */
export const commitmentsQuery = (slug: string, filters: CommitmentFilters, cursor: string | null) =>
  queryOptions({
    queryKey: commitmentKeys.list(slug, filters, cursor),
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/commitments', {
          params: {
            path: { slug },
            query: { ...filters, cursor: cursor ?? undefined, limit: PAGE_SIZE },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** How many match in all: a search's first page leaves it to this request, asked beside it. */
export const commitmentCountQuery = (
  slug: string,
  { sort: _sort, ...filters }: CommitmentFilters,
) =>
  queryOptions({
    queryKey: commitmentKeys.count(slug, filters),
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/commitments/count', {
          params: { path: { slug }, query: filters },
        }),
      ),
  });

export const commitmentQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: commitmentKeys.detail(slug, id),
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/commitments/{id}', { params: { path: { slug, id } } }),
      ),
  });

const path = (slug: string, commitmentId: string) => ({ params: { path: { slug, commitmentId } } });

export const updatesQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: commitmentKeys.related(slug, id, 'updates'),
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{slug}/commitments/{commitmentId}/updates', path(slug, id))),
    select: (page) => page.items,
  });

export const indicatorsQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: commitmentKeys.related(slug, id, 'indicators'),
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/commitments/{commitmentId}/indicators', path(slug, id)),
      ),
    select: (page) => page.items,
  });

export const commentsQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: commitmentKeys.related(slug, id, 'comments'),
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{slug}/commitments/{commitmentId}/comments', path(slug, id))),
    select: (page) => page.items,
  });

export const positionsQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: commitmentKeys.related(slug, id, 'positions'),
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/commitments/{commitmentId}/positions', path(slug, id)),
      ),
    select: (page) => page.items,
  });

export const evidenceQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: commitmentKeys.related(slug, id, 'evidence'),
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{slug}/commitments/{commitmentId}/evidence', path(slug, id))),
    select: (page) => page.items,
  });
