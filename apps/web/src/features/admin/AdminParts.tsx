import type { ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../../api/client';
import { staleCurrent } from '../../api/concurrency';
import { StaleAlert, type StaleRow } from './StaleAlert';

/** The heading of an administration section with its main action on the right. */
export function SectionHeader({ title, action }: { title: string; action: ReactNode }) {
  return (
    <Group justify="space-between">
      <Title order={2} size="h3">
        {title}
      </Title>
      {action}
    </Group>
  );
}

/** An error shown above a form or in a dialog. */
export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <Alert color="red" variant="light" role="alert">
      {children}
    </Alert>
  );
}

/** Cancel and submit at the foot of an administration form. */
export function FormActions({
  submitLabel,
  busy,
  onCancel,
}: {
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {submitLabel}
      </Button>
    </Group>
  );
}

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  color: string;
  onClose: () => void;
  onConfirm: () => void;
  busy?: boolean;
  disabled?: boolean;
  /** Shown between the message and the buttons (an error, a stale-version notice). */
  children?: ReactNode;
}

/** A confirmation before a consequential action; Cancel has the focus. */
export function ConfirmDialog({
  opened,
  title,
  message,
  confirmLabel,
  color,
  onClose,
  onConfirm,
  busy = false,
  disabled = false,
  children,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      {opened && (
        <Stack gap="md">
          <Text>{message}</Text>
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color={color} loading={busy} disabled={disabled} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/**
 * What went wrong with the last save of an administration form, above its fields: a stale edit
 * (412) as yours-versus-stored with the choice to reapply or keep theirs, otherwise a general
 * error (a 409 gets `duplicateMessage`). Field errors show under their fields instead.
 */
export function SaveProblem<T extends { version: number }>({
  error,
  rowsFor,
  duplicateMessage,
  busy,
  onReapply,
  onKeepTheirs,
}: {
  error: Error | null;
  /** The fields that differ between the user's values and the stored record, if stale. */
  rowsFor: (stored: T) => StaleRow[];
  duplicateMessage: string;
  busy: boolean;
  onReapply: (stored: T) => void;
  onKeepTheirs: (stored: T) => void;
}) {
  const stale = staleCurrent<T>(error);
  if (stale) {
    return (
      <StaleAlert
        version={stale.version}
        rows={rowsFor(stale)}
        busy={busy}
        onReapply={() => onReapply(stale)}
        onKeepTheirs={() => onKeepTheirs(stale)}
      />
    );
  }
  if (!error || Object.keys(fieldErrors(error)).length > 0) return null;
  const duplicate = error instanceof ApiError && error.status === 409;
  return <ErrorAlert>{duplicate ? duplicateMessage : error.message}</ErrorAlert>;
}
