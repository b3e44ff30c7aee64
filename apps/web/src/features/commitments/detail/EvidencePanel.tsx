import { Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { EmptyState, QueryState } from '../../layout/states';
import { evidenceQuery } from '../queries';

export function EvidencePanel({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(evidenceQuery(slug, commitmentId));
  return (
    <QueryState query={query}>
      {(evidence) =>
        evidence.length === 0 ? (
          <EmptyState message={t('evidence.empty')} />
        ) : (
          <List spacing="sm" listStyleType="none" ml={0}>
            {evidence.map((item) => (
              <List.Item key={item.id}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge variant="light" color={item.kind === 'LINK' ? 'blue' : 'grape'}>
                    {t(`evidenceKind.${item.kind}`)}
                  </Badge>
                  <div>
                    {item.url ? (
                      <Anchor href={item.url} target="_blank" rel="noreferrer noopener">
                        {item.title}
                      </Anchor>
                    ) : (
                      <Text>{item.title}</Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {[
                        item.fileName,
                        item.sizeBytes !== null
                          ? t('evidence.size', { size: format.bytes(item.sizeBytes) })
                          : null,
                        t('evidence.addedOn', { date: format.date(item.createdAt) }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </div>
                </Group>
              </List.Item>
            ))}
          </List>
        )
      }
    </QueryState>
  );
}
