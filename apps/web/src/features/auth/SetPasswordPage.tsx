import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { setPasswordRoute } from '../../router';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField';
import { api, ApiError, fieldErrors, isNotFound, unwrap } from '../../api/client';
import type { PasswordTokenInfo, SetPasswordBody } from '../../api/types';
import { PublicLayout } from '../layout/PublicLayout';
import { LoadingState } from '../layout/states';
import { RouterAnchor } from '../layout/RouterAnchor';
import { authKeys } from './queries';

import { MIN_PASSWORD_LENGTH } from './password';

/** Opened from the one-time link an administrator hands out: choose a password, get signed in. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const { token } = setPasswordRoute.useSearch();
  const info = useQuery({
    queryKey: ['auth', 'password-token', token],
    queryFn: () =>
      unwrap(
        api.GET('/api/auth/password-tokens/{token}', { params: { path: { token: token ?? '' } } }),
      ),
    enabled: Boolean(token),
    retry: false,
  });

  let content;
  const badLink =
    info.isError &&
    (isNotFound(info.error) ||
      (info.error instanceof ApiError && [400, 410].includes(info.error.status)));
  if (!token || badLink)
    content = (
      <Stack gap="sm">
        <Alert color="red" variant="light" role="alert">
          {t('setPassword.invalidLink')}
        </Alert>
        <RouterAnchor to="/sign-in">{t('setPassword.goToSignIn')}</RouterAnchor>
      </Stack>
    );
  else if (info.isPending) content = <LoadingState rows={2} />;
  else if (info.isError)
    content = (
      <Alert color="red" variant="light" role="alert">
        {info.error.message}
      </Alert>
    );
  else content = <SetPasswordForm token={token} info={info.data} />;

  return (
    <PublicLayout title={t('setPassword.title')}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('setPassword.title')}
        </Title>
        {content}
      </Stack>
    </PublicLayout>
  );
}

function SetPasswordForm({ token, info }: { token: string; info: PasswordTokenInfo }) {
  const { t } = useTranslation();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: (body: SetPasswordBody) => unwrap(api.POST('/api/auth/set-password', { body })),
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me(), me);
      router.history.replace('/');
    },
  });

  const tooShort = password.length < MIN_PASSWORD_LENGTH;
  const mismatch = confirm !== password;
  const apiErrors = fieldErrors(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (tooShort || mismatch) return;
    save.mutate({ token, password });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>
          {t('setPassword.intro', { name: info.displayName, workspace: info.workspaceName })}
        </Text>
        <Text size="sm">
          {t('setPassword.email')}: <strong>{info.email}</strong>
        </Text>
        {save.isError && !apiErrors.password && !apiErrors.token && (
          <Alert color="red" variant="light" role="alert">
            {save.error.message}
          </Alert>
        )}
        {apiErrors.token && (
          <Alert color="red" variant="light" role="alert">
            {t('setPassword.invalidLink')}
          </Alert>
        )}
        <PasswordField
          label={t('account.newPassword')}
          description={t('account.passwordRule', { count: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          autoFocus
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={
            (checked && tooShort
              ? t('account.passwordTooShort', { count: MIN_PASSWORD_LENGTH })
              : undefined) ?? apiErrors.password
          }
        />
        <PasswordField
          label={t('account.confirmPassword')}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(event) => setConfirm(event.currentTarget.value)}
          error={checked && mismatch ? t('account.passwordMismatch') : undefined}
        />
        <Button type="submit" loading={save.isPending}>
          {t('setPassword.submit')}
        </Button>
      </Stack>
    </form>
  );
}
