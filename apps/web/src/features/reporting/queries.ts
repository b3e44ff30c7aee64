import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ifMatch } from '../../api/concurrency';
import type { UpdateReportingCalendarBody } from '../../api/types';
import { commitmentKeys } from '../commitments/queries';
import { dashboardKeys } from '../dashboard/queries';
import { myWorkKeys } from '../my-work/queries';

export const reportingKeys = {
  all: ['reporting'] as const,
  calendar: (slug: string) => [...reportingKeys.all, 'calendar', slug] as const,
  periods: (slug: string) => [...reportingKeys.all, 'periods', slug] as const,
  compliance: (slug: string, periodId: string | undefined) =>
    [...reportingKeys.all, 'compliance', slug, periodId ?? 'current'] as const,
};

export const calendarQuery = (slug: string) =>
  queryOptions({
    queryKey: reportingKeys.calendar(slug),
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{slug}/reporting-calendar', { params: { path: { slug } } })),
  });

/** The workspace's reporting periods, latest first. */
export const periodsQuery = (slug: string) =>
  queryOptions({
    queryKey: reportingKeys.periods(slug),
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{slug}/reporting-periods', { params: { path: { slug } } })),
    select: (page) => page.items,
  });

export const complianceQuery = (slug: string, periodId: string | undefined) =>
  queryOptions({
    queryKey: reportingKeys.compliance(slug, periodId),
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/compliance', {
          params: { path: { slug }, query: periodId ? { periodId } : {} },
        }),
      ),
  });

/**
 * What a change of the calendar or of a period's state touches: the periods, compliance, and
 * "needs an update" in the lists, My work and the dashboard.
 */
function useInvalidateReporting() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: reportingKeys.all }),
      queryClient.invalidateQueries({ queryKey: commitmentKeys.all }),
      queryClient.invalidateQueries({ queryKey: myWorkKeys.all }),
      queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
    ]);
}

export function useSaveCalendar(slug: string) {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: UpdateReportingCalendarBody }) =>
      unwrap(
        api.PUT('/api/workspaces/{slug}/reporting-calendar', {
          params: { path: { slug }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    onSettled: invalidate,
  });
}

/** Closes a period, or reopens it with a reason. */
export function usePeriodState(slug: string) {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: ({ id, reopenReason }: { id: string; reopenReason?: string }) =>
      reopenReason === undefined
        ? unwrap(
            api.POST('/api/workspaces/{slug}/reporting-periods/{id}/close', {
              params: { path: { slug, id } },
            }),
          )
        : unwrap(
            api.POST('/api/workspaces/{slug}/reporting-periods/{id}/reopen', {
              params: { path: { slug, id } },
              body: { reason: reopenReason },
            }),
          ),
    onSettled: invalidate,
  });
}
