import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { UpdateMeBody } from '../../api/types';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

export const meQuery = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: () => unwrap(api.GET('/api/auth/me')),
    staleTime: 5 * 60_000,
  });

/** The signed-in user and their memberships (a 401 sends the user to the sign-in page). */
export function useMe() {
  return useQuery(meQuery());
}

export interface Credentials {
  email: string;
  password: string;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Credentials) => unwrap(api.POST('/api/auth/login', { body })),
    onSuccess: (me) => {
      // Whatever an earlier user left in the cache is not for this one.
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}

/** Ends the session; the caller leaves the signed-in pages, then clears the cache. */
export function useLogout() {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeBody) => unwrap(api.PATCH('/api/auth/me', { body })),
    onSuccess: (me) => queryClient.setQueryData(authKeys.me(), me),
  });
}
