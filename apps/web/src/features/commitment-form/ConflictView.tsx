import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommitmentDetail } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { FieldValue, useFieldLabel, useNames } from '../commitments/detail/fieldValues';
import type { ConflictRow } from './values';

interface ConflictViewProps {
  slug: string;
  frameworkId: string;
  current: CommitmentDetail;
  rows: ConflictRow[];
  onReapply: () => void;
  onDiscard: () => void;
}

/** A stale save (412): what differs between the user's values and the stored ones, and what to do. */
export function ConflictView({
  slug,
  frameworkId,
  current,
  rows,
  onReapply,
  onDiscard,
}: ConflictViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames(slug, frameworkId);
  const fieldLabel = useFieldLabel();
  const when = format.dateTime(current.updatedAt);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="conflict-heading">
      <Stack gap="md">
        <Alert color="orange" variant="light" role="alert">
          <Title order={2} size="h4" id="conflict-heading">
            {t('commitmentForm.conflict.title')}
          </Title>
          <Text size="sm" mt={4}>
            {t('commitmentForm.conflict.text', { version: current.version, when })}
          </Text>
        </Alert>
        {rows.length === 0 ? (
          <Text>{t('commitmentForm.conflict.noDifference')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" striped>
              <Table.Caption>{t('commitmentForm.conflict.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('history.field')}</Table.Th>
                  <Table.Th>{t('commitmentForm.conflict.mine')}</Table.Th>
                  <Table.Th>{t('commitmentForm.conflict.theirs')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.field}>
                    <Table.Th scope="row" fw={500}>
                      <Stack gap={2} align="flex-start">
                        <span>{fieldLabel(row.field)}</span>
                        {row.mineChanged && (
                          <Badge size="xs" variant="light">
                            {t('commitmentForm.conflict.yourChange')}
                          </Badge>
                        )}
                      </Stack>
                    </Table.Th>
                    <Table.Td>
                      <FieldValue field={row.field} value={row.mine} names={names} />
                    </Table.Td>
                    <Table.Td>
                      <FieldValue field={row.field} value={row.theirs} names={names} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="sm" c="dimmed">
          {t('commitmentForm.conflict.explain')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDiscard}>
            {t('commitmentForm.conflict.discard')}
          </Button>
          <Button onClick={onReapply}>{t('commitmentForm.conflict.reapply')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
