import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ifMatch } from '../../api/concurrency';
import type { CreateIndicatorBody, CreateMeasurementBody } from '../../api/types';
import { commitmentKeys } from '../commitments/queries';
import { dashboardKeys } from '../dashboard/queries';

interface Path {
  slug: string;
  commitmentId: string;
}

const indicatorsKey = ({ slug, commitmentId }: Path) =>
  commitmentKeys.related(slug, commitmentId, 'indicators');

/** An indicator's series or trajectory changed: its panel, and the dashboard's off-trajectory count. */
function useRefreshIndicators(path: Path) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: indicatorsKey(path) }),
      queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
    ]);
}

export function useCreateIndicator(path: Path) {
  const refresh = useRefreshIndicators(path);
  return useMutation({
    mutationFn: (body: CreateIndicatorBody) =>
      unwrap(
        api.POST('/api/workspaces/{slug}/commitments/{commitmentId}/indicators', {
          params: { path },
          body,
        }),
      ),
    meta: { success: 'indicator' },
    onSuccess: refresh,
  });
}

/**
 * Edits an indicator naming the `version` it was loaded at (If-Match); a 412 carries the
 * indicator as stored now.
 */
export function useUpdateIndicator(path: Path) {
  const refresh = useRefreshIndicators(path);
  return useMutation({
    mutationFn: ({
      indicatorId,
      version,
      body,
    }: {
      indicatorId: string;
      version: number;
      body: CreateIndicatorBody;
    }) =>
      unwrap(
        api.PATCH('/api/workspaces/{slug}/commitments/{commitmentId}/indicators/{indicatorId}', {
          params: { path: { ...path, indicatorId }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    meta: { success: 'indicator' },
    onSettled: refresh,
  });
}

export function useAddMeasurement(path: Path) {
  const refresh = useRefreshIndicators(path);
  return useMutation({
    mutationFn: ({ indicatorId, body }: { indicatorId: string; body: CreateMeasurementBody }) =>
      unwrap(
        api.POST(
          '/api/workspaces/{slug}/commitments/{commitmentId}/indicators/{indicatorId}/measurements',
          { params: { path: { ...path, indicatorId } }, body },
        ),
      ),
    meta: { success: 'measurement' },
    onSuccess: refresh,
  });
}
