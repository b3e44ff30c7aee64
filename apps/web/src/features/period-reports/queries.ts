import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { CreatePeriodReportBody, PeriodReport } from '../../api/types';

export const periodReportKeys = {
  all: ['period-reports'] as const,
  list: (slug: string) => [...periodReportKeys.all, 'list', slug] as const,
};

const inProgress = (report: PeriodReport) =>
  report.state === 'QUEUED' || report.state === 'RUNNING';

/** The workspace's period reports, newest first; polled while one is being generated. */
export const periodReportsQuery = (slug: string) =>
  queryOptions({
    queryKey: periodReportKeys.list(slug),
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{slug}/period-reports', { params: { path: { slug } } })),
    select: (page) => page.items,
    refetchInterval: (query) => (query.state.data?.items.some(inProgress) ? 1_000 : false),
  });

export function useGeneratePeriodReport(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePeriodReportBody) =>
      unwrap(
        api.POST('/api/workspaces/{slug}/period-reports', { params: { path: { slug } }, body }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: periodReportKeys.list(slug) }),
  });
}

/** Where the browser downloads a generated report (the API names the file). */
export const periodReportDownloadUrl = (slug: string, id: string) =>
  `/api/workspaces/${encodeURIComponent(slug)}/period-reports/${encodeURIComponent(id)}/download`;
