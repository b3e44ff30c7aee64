import type { ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { commitmentRoute } from '../../router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/usePageTitle';
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

export function CommitmentDetailPage() {
  const { slug, commitmentId } = commitmentRoute.useParams();
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
  const { tab = 'overview' } = commitmentRoute.useSearch();
  const navigate = useNavigate({ from: commitmentRoute.fullPath });
  usePageTitle(
    `${commitment.framework.code} ${commitment.reference} ${format.text(commitment.title)}`,
  );
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
        <CommitmentActions slug={slug} commitment={commitment} />
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
          {/* One line that scrolls sideways on a phone instead of wrapping over three. */}
          <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
            {DETAIL_TABS.map((item: DetailTab) => (
              <Tabs.Tab key={item} value={item} style={{ flexShrink: 0 }}>
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
