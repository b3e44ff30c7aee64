import { lazy, Suspense, type ComponentType } from 'react';
import { Badge, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { commitmentRoute } from '../../router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/usePageTitle';
import type { CommitmentDetail } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { LoadingState, QueryState } from '../layout/states';
import { RouterAnchor } from '../layout/RouterAnchor';
import { OverdueBadge, ProgressBar, TrackedStatusBadge } from './badges';
import { commitmentQuery } from './queries';
import { DETAIL_TABS, type DetailTab } from './search';
import { OverviewPanel } from './detail/OverviewPanel';
import { ArchivedBanner, CommitmentActions } from './detail/CommitmentActions';
import { FollowButton } from '../notifications/FollowButton';

type PanelProps = { slug: string; commitmentId: string };

/** A tab's panel, loaded when the tab is first opened (the indicators' charts weigh the most). */
function lazyPanel<K extends string>(
  load: () => Promise<Record<K, ComponentType<PanelProps>>>,
  name: K,
) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

// The overview is the first screen: it comes with the page, the other tabs on demand.
const TAB_PANELS: Record<DetailTab, ComponentType<PanelProps>> = {
  overview: OverviewPanel,
  updates: lazyPanel(() => import('./detail/UpdatesPanel'), 'UpdatesPanel'),
  indicators: lazyPanel(() => import('./detail/IndicatorsPanel'), 'IndicatorsPanel'),
  comments: lazyPanel(() => import('../dialogue/CommentsPanel'), 'CommentsPanel'),
  positions: lazyPanel(() => import('../dialogue/PositionsPanel'), 'PositionsPanel'),
  evidence: lazyPanel(() => import('./detail/EvidencePanel'), 'EvidencePanel'),
  history: lazyPanel(() => import('./detail/HistoryPanel'), 'HistoryPanel'),
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
          <TrackedStatusBadge
            status={commitment.trackedStatus}
            parent={commitment.childCount > 0}
          />
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
                <Suspense fallback={<LoadingState rows={3} />}>
                  <Panel slug={slug} commitmentId={commitment.id} />
                </Suspense>
              </Tabs.Panel>
            );
          })}
        </Tabs>
      </Paper>
    </Stack>
  );
}
