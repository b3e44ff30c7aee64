import type { ReactNode } from 'react';
import { Group, Title } from '@mantine/core';
import { ApiError, fieldErrors } from '../../api/client';
import { staleCurrent } from '../../api/concurrency';
import { ErrorAlert } from '../layout/FormParts';
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
