import type { ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CommitmentDetail } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { QueryState } from '../layout/states';
import { RouterAnchor } from '../layout/RouterAnchor';
import { OverdueBadge, ProgressBar, StatusBadge } from './badges';
import { commitmentQuery } from './queries';
import { DETAIL_TABS, type DetailTab } from './search';
import { UpdatesPanel } from './detail/UpdatesPanel';
import { IndicatorsPanel } from './detail/IndicatorsPanel';
import { CommentsPanel } from '../dialogue/CommentsPanel';
import { PositionsPanel } from '../dialogue/PositionsPanel';
import { EvidencePanel } from './detail/EvidencePanel';
import { OverviewPanel } from './detail/OverviewPanel';
import { HistoryPanel } from './detail/HistoryPanel';
import { ArchivedBanner, CommitmentActions } from './detail/CommitmentActions';
import { FollowButton } from '../notifications/FollowButton';

const TAB_PANELS: Record<DetailTab, (props: { slug: string; commitmentId: string }) => ReactNode> =
  {
    overview: OverviewPanel,
    updates: UpdatesPanel,
    indicators: IndicatorsPanel,
    comments: CommentsPanel,
    positions: PositionsPanel,
    evidence: EvidencePanel,
    history: HistoryPanel,
  };

const ROUTE = '/_authenticated/w/$slug/commitments/$commitmentId';
const PATH = '/w/$slug/commitments/$commitmentId';

export function CommitmentDetailPage() {
  const { slug, commitmentId } = useParams({ from: ROUTE });
  const query = useQuery(commitmentQuery(slug, commitmentId));
  return (
    <QueryState query={query}>
      {(commitment) => <CommitmentView slug={slug} commitment={commitment} />}
    </QueryState>
  );
}

function CommitmentView({ slug, commitment }: { slug: string; commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { tab = 'overview' } = useSearch({ from: ROUTE });
  const navigate = useNavigate({ from: PATH });
  const label = `${commitment.framework.code} ${commitment.reference}`;

  return (
    <Stack gap="lg">
      <Stack gap="xs" component="header">
        <Group gap="xs" component="nav" aria-label={t('detail.breadcrumb')}>
          <RouterAnchor
            to="/w/$slug/frameworks/$frameworkId"
            params={{ slug, frameworkId: commitment.framework.id }}
            size="sm"
          >
            {commitment.framework.code}
          </RouterAnchor>
          {commitment.parent && (
            <>
              <Text size="sm" c="dimmed" aria-hidden="true">
                /
              </Text>
              <RouterAnchor
                to="/w/$slug/commitments/$commitmentId"
                params={{ slug, commitmentId: commitment.parent.id }}
                size="sm"
                title={format.text(commitment.parent.title)}
              >
                {commitment.parent.reference}
              </RouterAnchor>
            </>
          )}
          <Text size="sm" c="dimmed" aria-hidden="true">
            /
          </Text>
          <Text size="sm" fw={600} aria-current="page">
            {commitment.reference}
          </Text>
        </Group>
        <Title order={1}>
          <Text span inherit c="dimmed" mr="xs">
            {label}
          </Text>
          {format.text(commitment.title)}
        </Title>
        <Group gap="md">
          <StatusBadge status={commitment.status} />
          {commitment.overdue && <OverdueBadge />}
          {commitment.archived && <Badge color="gray">{t('detail.archived')}</Badge>}
          <ProgressBar value={commitment.progress} name={label} width={240} />
        </Group>
        <Group gap="xs">
          <FollowButton slug={slug} commitmentId={commitment.id} />
          <CommitmentActions slug={slug} commitment={commitment} />
        </Group>
      </Stack>

      <ArchivedBanner slug={slug} commitment={commitment} />

      <Paper withBorder p="md" component="section" aria-label={t('detail.tabs.label')}>
        <Tabs
          value={tab}
          keepMounted={false}
          onChange={(value) => {
            const next = DETAIL_TABS.find((item) => item === value);
            if (next)
              void navigate({
                search: { tab: next === 'overview' ? undefined : next },
                replace: true,
              });
          }}
        >
          <Tabs.List>
            {DETAIL_TABS.map((item: DetailTab) => (
              <Tabs.Tab key={item} value={item}>
                {t(`detail.tabs.${item}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {DETAIL_TABS.map((item) => {
            const Panel = TAB_PANELS[item];
            return (
              <Tabs.Panel key={item} value={item} pt="md">
                <Panel slug={slug} commitmentId={commitment.id} />
              </Tabs.Panel>
            );
          })}
        </Tabs>
      </Paper>
    </Stack>
  );
}
