import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type {
  ChangePasswordBody,
  CreateApiTokenBody,
  UpdateNotificationPreferencesBody,
} from '../../api/types';

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

export const notificationPreferencesQuery = () =>
  queryOptions({
    queryKey: [...accountKeys.all, 'notificationPreferences'] as const,
    queryFn: () => unwrap(api.GET('/api/auth/me/notification-preferences')),
  });

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationPreferencesBody) =>
      unwrap(api.PUT('/api/auth/me/notification-preferences', { body })),
    meta: { success: 'notificationPreferences' },
    onSuccess: (saved) => queryClient.setQueryData(notificationPreferencesQuery().queryKey, saved),
  });
}

export const unsubscribeQuery = (token: string) =>
  queryOptions({
    queryKey: [...accountKeys.all, 'unsubscribe', token] as const,
    queryFn: () => unwrap(api.GET('/api/unsubscribe', { params: { query: { token } } })),
    retry: false,
  });

export function useUnsubscribe(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/unsubscribe', { params: { query: { token } }, body: {} })),
    onSuccess: (result) => queryClient.setQueryData(unsubscribeQuery(token).queryKey, result),
  });
}
