import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Page } from '../../api/types';
import type {
  ApiToken,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
} from '../../api/pending-types';

export const accountKeys = {
  all: ['account'] as const,
  tokens: () => [...accountKeys.all, 'tokens'] as const,
};

export const tokensQuery = () =>
  queryOptions({
    queryKey: accountKeys.tokens(),
    queryFn: () => callApi<Page<ApiToken>>('GET', '/api/auth/tokens'),
    select: (page) => page.items,
  });

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) =>
      callApi<CreatedApiToken>('POST', '/api/auth/tokens', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      callApi<void>('DELETE', `/api/auth/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => callApi<void>('POST', '/api/auth/password', body),
  });
}
