import { useState } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ATTENTION_KINDS, type AttentionKind } from '@spct/contracts';
import type { AttentionItem, DashboardSummary } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { OverdueBadge, ProgressBar, StatusBadge } from '../commitments/badges';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../layout/states';
import { RouterAnchor } from '../layout/RouterAnchor';
import { organizationsQuery } from '../organizations/queries';
import { useListLink } from './chartParts';
import { attentionQuery } from './queries';
import type { DashboardFilters } from './search';
import classes from './Dashboard.module.css';

/** How many items of each kind the summary counted. */
export function attentionCount(summary: DashboardSummary, kind: AttentionKind): number {
  const counts: Record<AttentionKind, number> = {
    'off-track': summary.attention.offTrack,
    overdue: summary.attention.overdue,
    stale: summary.attention.stale,
    pending: summary.attention.pending,
    indicators: summary.attention.indicators,
    disagreement: summary.attention.disagreement,
  };
  return counts[kind];
}

interface AttentionListsProps {
  slug: string;
  filters: DashboardFilters;
  summary: DashboardSummary;
}

/** What needs attention, a tab per kind: the items with their latest approved report. */
export function AttentionLists({ slug, filters, summary }: AttentionListsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [kind, setKind] = useState<AttentionKind>('off-track');
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="dashboard-attention"
      className={classes.card}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="dashboard-attention">
          {t('dashboard.attention.title')}
        </Title>
        <Tabs
          value={kind}
          onChange={(value) => value && setKind(value as AttentionKind)}
          keepMounted={false}
        >
          <Tabs.List className={classes.tabs}>
            {ATTENTION_KINDS.map((item) => (
              <Tabs.Tab
                key={item}
                value={item}
                rightSection={
                  <Badge
                    size="sm"
                    variant="light"
                    color={attentionCount(summary, item) ? 'red' : 'gray'}
                  >
                    {format.number(attentionCount(summary, item))}
                  </Badge>
                }
              >
                {t(`attention.${item}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {ATTENTION_KINDS.map((item) => (
            <Tabs.Panel key={item} value={item} pt="sm">
              <AttentionList
                slug={slug}
                filters={filters}
                kind={item}
                count={attentionCount(summary, item)}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Paper>
  );
}

function AttentionList({
  slug,
  filters,
  kind,
  count,
}: {
  slug: string;
  filters: DashboardFilters;
  kind: AttentionKind;
  count: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkTo = useListLink();
  const query = useInfiniteQuery(attentionQuery(slug, filters, kind));
  const organizations = useQuery(organizationsQuery(slug));
  if (query.isPending) return <LoadingState rows={3} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyState message={t(`dashboard.attention.empty.${kind}`)} />;
  const shortName = (id: string | null) =>
    organizations.data?.find((organization) => organization.id === id)?.shortName;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t(`dashboard.attention.hint.${kind}`)}
      </Text>
      <Stack gap={0} component="ul" className={classes.plainList}>
        {items.map((item) => (
          <AttentionRow key={item.id} slug={slug} item={item} lead={shortName(item.leadOrgId)} />
        ))}
      </Stack>
      <LoadMore query={query} />
      <Anchor {...linkTo({ attention: kind })} size="sm">
        {t('dashboard.attention.openList', { count, total: format.number(count) })}
      </Anchor>
    </Stack>
  );
}

function AttentionRow({
  slug,
  item,
  lead,
}: {
  slug: string;
  item: AttentionItem;
  lead: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = `${item.frameworkCode} ${item.reference}`;
  const report = item.latestReport;
  return (
    <li className={classes.listItem}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <RouterAnchor
          to="/w/$slug/commitments/$commitmentId"
          params={{ slug, commitmentId: item.id }}
          fw={600}
        >
          {format.text(item.title)}
        </RouterAnchor>
        <Group gap="sm" wrap="wrap">
          <StatusBadge status={item.status} />
          <ProgressBar value={item.progress} name={label} width={90} />
          <Text size="sm">
            {t('commitments.leadOrg')}: {lead ?? t('commitments.noLeadOrg')}
          </Text>
          {item.targetDate && (
            <Text size="sm">
              {t('commitments.targetDate')}: {format.date(item.targetDate)}
            </Text>
          )}
          {item.overdue && <OverdueBadge />}
        </Group>
        {report ? (
          <Text size="sm" className={classes.excerpt}>
            <Text span fw={600}>
              {t('dashboard.attention.latestReport', {
                period: report.period,
                date: format.date(report.decidedAt),
              })}
            </Text>{' '}
            {report.excerpt}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('dashboard.attention.noReport')}
          </Text>
        )}
      </Stack>
    </li>
  );
}
