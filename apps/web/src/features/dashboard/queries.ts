import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AttentionKind, TrendGranularity } from '@spct/contracts';
import { api, unwrap } from '../../api/client';
import type { DashboardFilters } from './search';

export const ATTENTION_PAGE_SIZE = 10;

export const dashboardKeys = {
  all: ['dashboard'] as const,
  workspace: (slug: string) => [...dashboardKeys.all, slug] as const,
  summary: (slug: string, filters: DashboardFilters) =>
    [...dashboardKeys.workspace(slug), 'summary', filters] as const,
  trend: (slug: string, filters: DashboardFilters, granularity: TrendGranularity) =>
    [...dashboardKeys.workspace(slug), 'trend', filters, granularity] as const,
  attention: (slug: string, filters: DashboardFilters, kind: AttentionKind) =>
    [...dashboardKeys.workspace(slug), 'attention', filters, kind] as const,
};

/** The figures shown while new filters load stay on screen (dimmed) instead of a skeleton. */
export const summaryQuery = (slug: string, filters: DashboardFilters) =>
  queryOptions({
    queryKey: dashboardKeys.summary(slug, filters),
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/dashboard/summary', {
          params: { path: { slug }, query: filters },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const trendQuery = (
  slug: string,
  filters: DashboardFilters,
  granularity: TrendGranularity,
) =>
  queryOptions({
    queryKey: dashboardKeys.trend(slug, filters, granularity),
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/dashboard/trend', {
          params: { path: { slug }, query: { ...filters, granularity } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** The trackable items needing one kind of attention, page by page ("load more"). */
export const attentionQuery = (slug: string, filters: DashboardFilters, kind: AttentionKind) =>
  infiniteQueryOptions({
    queryKey: dashboardKeys.attention(slug, filters, kind),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/workspaces/{slug}/dashboard/attention', {
          params: {
            path: { slug },
            query: { ...filters, kind, cursor: pageParam, limit: ATTENTION_PAGE_SIZE },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
