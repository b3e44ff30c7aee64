import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { FormActions } from '../layout/FormParts';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../auth/PasswordField';
import { ApiError, fieldErrors } from '../../api/client';
import { MIN_PASSWORD_LENGTH } from '../auth/password';
import { useChangePassword } from './queries';

export function ChangePasswordDialog({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('account.changePassword')}>
      {opened && <ChangePasswordForm onClose={onClose} />}
    </Modal>
  );
}

function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);

  if (change.isSuccess) {
    return (
      <Stack gap="md">
        <Alert color="green" variant="light" role="status">
          {t('account.passwordChanged')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const errors = fieldErrors(change.error);
  // Some APIs answer a wrong current password with 401/403 rather than a field error.
  if (
    change.error instanceof ApiError &&
    (change.error.status === 401 || change.error.status === 403) &&
    !errors.currentPassword
  ) {
    errors.currentPassword = t('account.currentPasswordWrong');
  }
  const tooShort = newPassword.length < MIN_PASSWORD_LENGTH;
  const mismatch = confirm !== newPassword;
  const otherError = change.isError && Object.keys(errors).length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!currentPassword || tooShort || mismatch) return;
    change.mutate({ currentPassword, newPassword });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {otherError && (
          <Alert color="red" variant="light" role="alert">
            {change.error.message}
          </Alert>
        )}
        <PasswordField
          label={t('account.currentPassword')}
          autoComplete="current-password"
          required
          data-autofocus
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          error={
            (checked && !currentPassword ? t('account.required') : undefined) ??
            errors.currentPassword
          }
        />
        <PasswordField
          label={t('account.newPassword')}
          description={t('account.passwordRule', { count: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(event) => setNewPassword(event.currentTarget.value)}
          error={
            (checked && tooShort
              ? t('account.passwordTooShort', { count: MIN_PASSWORD_LENGTH })
              : undefined) ?? errors.newPassword
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
        <FormActions
          submitLabel={t('account.savePassword')}
          busy={change.isPending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
