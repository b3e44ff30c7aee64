import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../layout/ConflictAlert';

/** One field of a stale edit: what the user wanted and what is stored now. */
export interface StaleRow {
  label: string;
  mine: string;
  theirs: string;
}

interface StaleAlertProps {
  /** The version stored now (from the 412 answer's `current`). */
  version: number;
  rows: StaleRow[];
  /** Sends the user's change again, based on the stored version. */
  onReapply: () => void;
  /** Drops the user's change and keeps what is stored. */
  onKeepTheirs: () => void;
  reapplyLabel?: string;
  busy?: boolean;
}

/**
 * A stale edit (412): someone changed the record since it was loaded. Shows what is stored now
 * next to the user's change, which is kept, and lets them apply it again or keep the stored one.
 */
export function StaleAlert({
  version,
  rows,
  onReapply,
  onKeepTheirs,
  reapplyLabel,
  busy = false,
}: StaleAlertProps) {
  const { t } = useTranslation();
  return (
    <ConflictAlert
      title={t('admin.stale.title')}
      busy={busy}
      reapply={{ label: reapplyLabel ?? t('admin.stale.reapply'), onClick: onReapply }}
      keepTheirs={{ label: t('admin.stale.keepTheirs'), onClick: onKeepTheirs }}
    >
      <Text size="sm">{t('admin.stale.text', { version })}</Text>
      {rows.length > 0 && (
        <Table verticalSpacing={4} withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.stale.field')}</Table.Th>
              <Table.Th>{t('admin.stale.mine')}</Table.Th>
              <Table.Th>{t('admin.stale.theirs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.label}>
                <Table.Th scope="row" fw={500}>
                  {row.label}
                </Table.Th>
                <Table.Td>{row.mine}</Table.Td>
                <Table.Td>{row.theirs}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </ConflictAlert>
  );
}
