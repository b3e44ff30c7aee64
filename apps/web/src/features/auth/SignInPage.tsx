import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, TextInput, Title } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import { signInRoute } from '../../router';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField';
import { ApiError } from '../../api/client';
import { PublicLayout } from '../layout/PublicLayout';
import { useLogin } from './queries';
import { safeNext } from './safe-next';

/** Whole minutes to wait, from a `Retry-After` header in seconds (at least one). */
function retryMinutes(error: ApiError): number {
  const seconds = Number(error.headers?.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15;
}

export function SignInPage() {
  const { t } = useTranslation();
  const router = useRouter();
  const { next } = signInRoute.useSearch();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: () => router.history.replace(safeNext(next)) },
    );
  };

  let failure: string | null = null;
  if (login.error instanceof ApiError) {
    if (login.error.status === 401) failure = t('signIn.wrongCredentials');
    else if (login.error.status === 429)
      failure = t('signIn.tooManyAttempts', { count: retryMinutes(login.error) });
    else if (login.error.status === 400) failure = t('signIn.invalid');
    else if (login.error.status === 0) failure = t('error.network');
    else failure = login.error.message;
  } else if (login.error) failure = t('error.unknown');

  return (
    <PublicLayout title={t('signIn.title')}>
      <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <Stack gap="md">
          <Title order={1} size="h2" id="sign-in-title">
            {t('signIn.title')}
          </Title>
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordField
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={login.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
