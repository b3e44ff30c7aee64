import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { EmptyState, QueryState } from '../../layout/states';
import { PositionBadge } from '../badges';
import { positionsQuery } from '../queries';

export function PositionsPanel({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(positionsQuery(slug, commitmentId));
  return (
    <QueryState query={query}>
      {(positions) =>
        positions.length === 0 ? (
          <EmptyState message={t('positions.empty')} />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {positions.map((position) => (
              <Paper key={position.id} withBorder p="sm" component="article">
                <Group justify="space-between" gap="xs">
                  <div>
                    <Text fw={700} component="h3" size="md" m={0}>
                      {position.organization.shortName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {format.text(position.organization.name)}
                    </Text>
                  </div>
                  <PositionBadge position={position.position} />
                </Group>
                <Text size="sm" mt="xs">
                  {position.rationale}
                </Text>
                <Text size="xs" c="dimmed" mt="xs">
                  {t('positions.decidedOn', { date: format.date(position.decidedOn) })}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        )
      }
    </QueryState>
  );
}
