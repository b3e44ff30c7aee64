import { Alert, Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

interface ConflictAction {
  label: string;
  onClick: () => void;
  color?: string;
}

/**
 * A stale edit (412): someone changed the record after this page loaded it. Shows what is stored
 * now (`children`) and lets the user send their change again on that version (`reapply`, absent
 * when it no longer makes sense) or keep the stored record (`keepTheirs`). The user's input is
 * kept by the caller until they choose.
 */
export function ConflictAlert({
  title,
  children,
  reapply,
  keepTheirs,
  busy = false,
}: {
  title: string;
  children: ReactNode;
  reapply?: ConflictAction;
  keepTheirs: ConflictAction;
  busy?: boolean;
}) {
  return (
    <Alert color="orange" variant="light" role="alert" title={title} aria-label={title}>
      <Stack gap="xs">
        {children}
        <Group gap="xs">
          {reapply && (
            <Button size="xs" color={reapply.color} loading={busy} onClick={reapply.onClick}>
              {reapply.label}
            </Button>
          )}
          <Button size="xs" variant="default" disabled={busy} onClick={keepTheirs.onClick}>
            {keepTheirs.label}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
