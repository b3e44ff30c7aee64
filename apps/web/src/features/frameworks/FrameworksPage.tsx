import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { frameworksRoute } from '../../router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/usePageTitle';
import { COMMITMENT_STATUSES } from '@spct/contracts';
import type { Framework } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { useMembership } from '../auth/useMembership';
import { EmptyState, QueryState } from '../layout/states';
import { RouterAnchor } from '../layout/RouterAnchor';
import { ProgressBar, StatusBadge } from '../commitments/badges';
import { frameworksQuery } from './queries';

export function FrameworksPage() {
  const { t } = useTranslation();
  const { slug } = frameworksRoute.useParams();
  const query = useQuery(frameworksQuery(slug));
  usePageTitle(t('frameworks.title'));
  // Administrators manage frameworks: each card links to its form in the administration.
  const canManage = useMembership(slug).can('workspace.manage');
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('frameworks.title')}</Title>
        <Text c="dimmed">{t('frameworks.intro')}</Text>
      </div>
      <QueryState query={query}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState message={t('frameworks.empty')} />
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
              {page.items.map((framework) => (
                <FrameworkCard
                  key={framework.id}
                  slug={slug}
                  framework={framework}
                  canManage={canManage}
                />
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Stack>
  );
}

function FrameworkCard({
  slug,
  framework,
  canManage,
}: {
  slug: string;
  framework: Framework;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = format.text(framework.title);
  return (
    <Card withBorder padding="lg" radius="md" component="article" aria-label={framework.code}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Badge size="lg" variant="outline">
            {framework.code}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('frameworks.commitmentCount', { count: framework.commitmentCount })}
          </Text>
        </Group>
        <Title order={2} size="h4">
          <RouterAnchor
            to="/w/$slug/frameworks/$frameworkId"
            params={{ slug, frameworkId: framework.id }}
            inherit
          >
            {title}
          </RouterAnchor>
        </Title>
        <dl style={{ margin: 0 }}>
          {framework.issuer && (
            <Group gap={4}>
              <Text component="dt" size="sm" c="dimmed">
                {t('frameworks.issuer')}:
              </Text>
              <Text component="dd" size="sm" m={0}>
                {format.text(framework.issuer)}
              </Text>
            </Group>
          )}
          {framework.adoptedOn && (
            <Group gap={4}>
              <Text component="dt" size="sm" c="dimmed">
                {t('frameworks.adoptedOn')}:
              </Text>
              <Text component="dd" size="sm" m={0}>
                {format.date(framework.adoptedOn)}
              </Text>
            </Group>
          )}
        </dl>
        {framework.untrackedCount > 0 && (
          <Text size="sm" fw={600} data-testid="untracked">
            {t('frameworks.untracked', {
              count: framework.untrackedCount,
              total: format.number(framework.untrackedCount),
            })}
          </Text>
        )}
        <div>
          <Text size="sm" fw={500}>
            {t('frameworks.weightedProgress')}
          </Text>
          <ProgressBar value={framework.progress} name={framework.code} width={220} />
        </div>
        <div>
          <Text size="sm" fw={500} id={`status-counts-${framework.id}`}>
            {t('frameworks.statusCounts')}
          </Text>
          <Group
            gap={6}
            mt={4}
            component="ul"
            aria-labelledby={`status-counts-${framework.id}`}
            p={0}
            style={{ listStyle: 'none' }}
          >
            {COMMITMENT_STATUSES.filter((status) => framework.statusCounts[status] > 0).map(
              (status) => (
                <Group component="li" key={status} gap={4} wrap="nowrap">
                  <StatusBadge status={status} />
                  <Text size="sm" fw={600} data-testid={`count-${status}`}>
                    {format.number(framework.statusCounts[status])}
                  </Text>
                </Group>
              ),
            )}
          </Group>
        </div>
        <Group gap="md">
          <RouterAnchor
            to="/w/$slug/commitments"
            params={{ slug }}
            search={{ frameworkId: [framework.id] }}
            size="sm"
          >
            {t('frameworks.viewList')}
          </RouterAnchor>
          {framework.url && (
            <Text
              component="a"
              href={framework.url}
              target="_blank"
              rel="noreferrer noopener"
              size="sm"
              c="blue"
              aria-label={t('common.externalLink', { label: t('frameworks.sourceLink') })}
            >
              {t('frameworks.sourceLink')}
            </Text>
          )}
          {canManage && (
            <RouterAnchor
              to="/w/$slug/admin/frameworks"
              params={{ slug }}
              search={{ edit: framework.id }}
              size="sm"
              aria-label={t('frameworks.editNamed', { name: framework.code })}
            >
              {t('common.edit')}
            </RouterAnchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
