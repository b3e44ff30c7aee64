import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ChangePasswordBody, CreateApiTokenBody } from '../../api/types';

export const accountKeys = {
  all: ['account'] as const,
  tokens: () => [...accountKeys.all, 'tokens'] as const,
};

export const tokensQuery = () =>
  queryOptions({
    queryKey: accountKeys.tokens(),
    queryFn: () => unwrap(api.GET('/api/auth/tokens')),
    select: (page) => page.items,
  });

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => unwrap(api.POST('/api/auth/tokens', { body })),
    meta: { success: 'token' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id } } })),
    meta: { success: 'tokenRevoked' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}

export function useChangePassword() {
  return useMutation({
    meta: { success: 'password' },
    mutationFn: (body: ChangePasswordBody) => unwrap(api.POST('/api/auth/password', { body })),
  });
}
