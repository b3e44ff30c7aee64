import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { CreateIndicatorBody, CreateMeasurementBody } from '../../api/types';
import { commitmentKeys } from '../commitments/queries';

interface Path {
  slug: string;
  commitmentId: string;
}

const indicatorsKey = ({ slug, commitmentId }: Path) =>
  commitmentKeys.related(slug, commitmentId, 'indicators');

export function useCreateIndicator(path: Path) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIndicatorBody) =>
      unwrap(
        api.POST('/api/workspaces/{slug}/commitments/{commitmentId}/indicators', {
          params: { path },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorsKey(path) }),
  });
}

export function useAddMeasurement(path: Path) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ indicatorId, body }: { indicatorId: string; body: CreateMeasurementBody }) =>
      unwrap(
        api.POST(
          '/api/workspaces/{slug}/commitments/{commitmentId}/indicators/{indicatorId}/measurements',
          { params: { path: { ...path, indicatorId } }, body },
        ),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorsKey(path) }),
  });
}
