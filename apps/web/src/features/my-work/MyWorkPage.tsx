import type { ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { myWorkRoute } from '../../router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/usePageTitle';
import type { Commitment, MyWorkReport } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { useMembership } from '../auth/useMembership';
import { OverdueBadge, ProgressBar, StatusBadge, TrackedStatusBadge } from '../commitments/badges';
import { EmptyState, QueryState } from '../layout/states';
import { RouterAnchor } from '../layout/RouterAnchor';
import { myWorkQuery } from './queries';
import { commitmentResource } from '../auth/permissions';

/** "My work": what waits for the member — due commitments, returned reports, approvals, drafts. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const { slug } = myWorkRoute.useParams();
  const query = useQuery(myWorkQuery(slug));
  usePageTitle(t('myWork.title'));
  const { can, organization } = useMembership(slug);
  // Without a resource: whether the member writes / decides reports at all.
  const writesReports = can('update.write');
  const decidesReports = can('update.decide');

  return (
    <Stack gap="lg">
      <Title order={1}>{t('myWork.title')}</Title>
      <QueryState query={query}>
        {(work) => {
          const showDue = organization !== undefined && organization !== null;
          const showOwnReports =
            writesReports || work.returnedUpdates.length > 0 || work.drafts.length > 0;
          const showAwaiting = decidesReports || work.awaitingApproval.length > 0;
          if (!showDue && !showOwnReports && !showAwaiting) {
            return (
              <EmptyState
                message={t('myWork.nothing')}
                action={
                  <RouterAnchor to="/w/$slug/commitments" params={{ slug }}>
                    {t('myWork.browse')}
                  </RouterAnchor>
                }
              />
            );
          }
          return (
            <>
              {showAwaiting && (
                <ReportSection
                  id="awaiting"
                  slug={slug}
                  reports={work.awaitingApproval}
                  title={t('myWork.awaiting.title')}
                  empty={t('myWork.awaiting.empty')}
                  action={t('myWork.awaiting.review')}
                />
              )}
              {showOwnReports && (
                <ReportSection
                  id="returned"
                  slug={slug}
                  reports={work.returnedUpdates}
                  title={t('myWork.returned.title')}
                  empty={t('myWork.returned.empty')}
                  action={t('myWork.returned.fix')}
                />
              )}
              {showDue && (
                <Section
                  id="due"
                  title={t('myWork.due.title')}
                  count={work.dueCommitments.length}
                  hint={t('myWork.due.hint', { org: organization.shortName })}
                  empty={t('myWork.due.empty')}
                  footer={
                    work.dueCommitments.length > 0 && (
                      <RouterAnchor
                        to="/w/$slug/commitments"
                        params={{ slug }}
                        search={{ needsUpdate: true, sort: 'targetDate' }}
                        size="sm"
                      >
                        {t('myWork.due.seeAll')}
                      </RouterAnchor>
                    )
                  }
                >
                  {work.dueCommitments.map((commitment) => (
                    <DueItem
                      key={commitment.id}
                      slug={slug}
                      commitment={commitment}
                      canReport={can('update.write', commitmentResource(commitment))}
                    />
                  ))}
                </Section>
              )}
              {showOwnReports && (
                <ReportSection
                  id="drafts"
                  slug={slug}
                  reports={work.drafts}
                  title={t('myWork.drafts.title')}
                  empty={t('myWork.drafts.empty')}
                  action={t('myWork.drafts.continue')}
                />
              )}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

/** A section of reports, each with a link to act on it. */
function ReportSection({
  id,
  slug,
  reports,
  title,
  empty,
  action,
}: {
  id: string;
  slug: string;
  reports: MyWorkReport[];
  title: string;
  empty: string;
  action: string;
}) {
  return (
    <Section id={id} title={title} count={reports.length} empty={empty}>
      {reports.map((report) => (
        <ReportItem key={report.id} slug={slug} report={report} action={action} />
      ))}
    </Section>
  );
}

interface SectionProps {
  id: string;
  title: string;
  count: number;
  empty: string;
  hint?: string;
  footer?: ReactNode;
  children: ReactNode;
}

function Section({ id, title, count, empty, hint, footer, children }: SectionProps) {
  const headingId = `my-work-${id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          <Badge variant="light" color={count > 0 ? 'blue' : 'gray'} aria-hidden="true">
            {count}
          </Badge>
        </Group>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        {count === 0 ? (
          <Text c="dimmed" role="status">
            {empty}
          </Text>
        ) : (
          <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {children}
          </Stack>
        )}
        {footer}
      </Stack>
    </Paper>
  );
}

function ItemRow({ children }: { children: ReactNode }) {
  return (
    <li style={{ borderTop: '1px solid var(--mantine-color-default-border)', padding: '10px 0' }}>
      {children}
    </li>
  );
}

function DueItem({
  slug,
  commitment,
  canReport,
}: {
  slug: string;
  commitment: Commitment;
  canReport: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = `${commitment.frameworkCode} ${commitment.reference}`;
  return (
    <ItemRow>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <RouterAnchor
            to="/w/$slug/commitments/$commitmentId"
            params={{ slug, commitmentId: commitment.id }}
            fw={600}
          >
            {format.text(commitment.title)}
          </RouterAnchor>
          <Group gap="sm">
            <TrackedStatusBadge
              status={commitment.trackedStatus}
              parent={commitment.childCount > 0}
            />
            <ProgressBar value={commitment.progress} name={label} width={100} />
            {commitment.targetDate && (
              <Text size="sm">
                {t('commitments.targetDate')}: {format.date(commitment.targetDate)}
              </Text>
            )}
            {commitment.overdue && <OverdueBadge />}
          </Group>
        </Stack>
        {canReport && (
          <RouterAnchor
            to="/w/$slug/commitments/$commitmentId"
            params={{ slug, commitmentId: commitment.id }}
            search={{ tab: 'updates', report: 'new' }}
            aria-label={`${t('myWork.due.writeReport')}: ${label}`}
          >
            {t('myWork.due.writeReport')}
          </RouterAnchor>
        )}
      </Group>
    </ItemRow>
  );
}

function ReportItem({
  slug,
  report,
  action,
}: {
  slug: string;
  report: MyWorkReport;
  action: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { commitment } = report;
  const label = `${commitment.frameworkCode} ${commitment.reference}`;
  // The author's own draft or returned report opens in its form; a submitted one to decide on.
  const editable = report.state === 'DRAFT' || report.state === 'RETURNED';
  return (
    <ItemRow>
      <Group justify="space-between" wrap="wrap" gap="sm" align="flex-start">
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {label} · {t('myWork.period', { period: report.period })}
          </Text>
          <RouterAnchor
            to="/w/$slug/commitments/$commitmentId"
            params={{ slug, commitmentId: commitment.id }}
            fw={600}
          >
            {format.text(commitment.title)}
          </RouterAnchor>
          <Group gap="sm">
            <Text size="sm">{t('myWork.proposed')}:</Text>
            <StatusBadge status={report.status} />
            <ProgressBar value={report.progress} name={`${label} ${report.period}`} width={80} />
          </Group>
          {report.state === 'SUBMITTED' && report.submittedAt && (
            <Text size="sm" c="dimmed">
              {t('myWork.awaiting.submitted', {
                author: report.author.displayName,
                date: format.date(report.submittedAt),
              })}
            </Text>
          )}
          {report.state === 'RETURNED' && report.returnReason && (
            <Text size="sm">
              <Text span fw={600}>
                {t('myWork.returned.reason')}:
              </Text>{' '}
              {report.returnReason}
            </Text>
          )}
        </Stack>
        <RouterAnchor
          to="/w/$slug/commitments/$commitmentId"
          params={{ slug, commitmentId: commitment.id }}
          search={{ tab: 'updates', report: editable ? report.id : undefined }}
          aria-label={`${action}: ${label} ${report.period}`}
        >
          {action}
        </RouterAnchor>
      </Group>
    </ItemRow>
  );
}
