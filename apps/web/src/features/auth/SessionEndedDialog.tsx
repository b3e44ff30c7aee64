import { useState, type FormEvent } from 'react';
import { Alert, Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField';
import { api, ApiError, unwrap } from '../../api/client';
import type { Me } from '../../api/types';
import { authKeys } from './queries';

/**
 * Shown over the page when the session ended while it was open: signing in again here keeps
 * the page and what was typed in it; the user then saves again. Signing in as someone else
 * leaves the page (its data was not theirs).
 */
export function SessionEndedDialog({
  opened,
  onSignedIn,
  onOtherUser,
}: {
  opened: boolean;
  onSignedIn: () => void;
  onOtherUser: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const previous = queryClient.getQueryData<Me>(authKeys.me());
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      unwrap(api.POST('/api/auth/login', { body })),
    onSuccess: (me) => {
      setPassword('');
      if (previous && me.user.id === previous.user.id) {
        queryClient.setQueryData(authKeys.me(), me);
        // What failed while signed out loads again.
        void queryClient.invalidateQueries({
          predicate: (query) => query.state.status === 'error',
        });
        onSignedIn();
      } else {
        queryClient.removeQueries();
        queryClient.setQueryData(authKeys.me(), me);
        onOtherUser();
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email: (email || previous?.user.email || '').trim(), password });
  };

  const failure =
    login.error instanceof ApiError && login.error.status === 401
      ? t('signIn.wrongCredentials')
      : login.error instanceof ApiError && login.error.status === 0
        ? t('error.network')
        : login.error
          ? t('error.unknown')
          : null;

  return (
    <Modal
      opened={opened}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title={t('session.endedTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('session.endedText')}</Text>
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            value={email || previous?.user.email || ''}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordField
            label={t('signIn.password')}
            autoComplete="current-password"
            data-autofocus
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={login.isPending}>
            {t('session.signInAgain')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
