import { Button, Group, Stack, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ProgressUpdate } from '../../../api/types';
import { useMembership } from '../../auth/useMembership';
import { EmptyState, QueryState } from '../../layout/states';
import { FormModal } from '../../layout/UnsavedChanges';
import { ReportCard, useReportContext } from '../../reports/ReportCard';
import { ReportForm } from '../../reports/ReportForm';
import { commitmentQuery, updatesQuery } from '../queries';
import { commitmentResource } from '../../auth/permissions';
import { commitmentRoute } from '../../../router';

/**
 * The progress reports of a commitment, newest first, with the workflow actions the user may
 * take. The report form is part of the URL (`?tab=updates&report=new` or `=<id>`): "Write a
 * report" and "Edit and resubmit" elsewhere open it directly.
 */
export function UpdatesPanel({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const { t } = useTranslation();
  const query = useQuery(updatesQuery(slug, commitmentId));
  const commitment = useQuery(commitmentQuery(slug, commitmentId));
  const access = useMembership(slug);
  const context = useReportContext(slug, commitmentId);
  const { report: opened } = commitmentRoute.useSearch();
  const navigate = useNavigate({ from: commitmentRoute.fullPath });
  const open = (report: string | undefined) =>
    void navigate({ search: (previous) => ({ ...previous, tab: 'updates', report }) });

  const mayWrite =
    commitment.data !== undefined &&
    !commitment.data.archived &&
    access.can('update.write', commitmentResource(commitment.data));
  const editing: ProgressUpdate | 'new' | null =
    !mayWrite || opened === undefined
      ? null
      : opened === 'new'
        ? 'new'
        : (query.data?.find(
            (report) => report.id === opened && report.authorId === context.userId,
          ) ?? null);

  return (
    <Stack gap="md">
      {mayWrite && (
        <Group justify="flex-end">
          <Button onClick={() => open('new')}>{t('reports.new')}</Button>
        </Group>
      )}
      <QueryState query={query}>
        {(updates) =>
          updates.length === 0 ? (
            <EmptyState message={t('reports.empty')} />
          ) : (
            <Timeline bulletSize={16} lineWidth={2} active={-1} aria-label={t('reports.timeline')}>
              {newestFirst(updates).map((update) => (
                <Timeline.Item key={update.id}>
                  <ReportCard
                    slug={slug}
                    commitmentId={commitmentId}
                    report={update}
                    context={context}
                    mayWrite={mayWrite}
                    onEdit={() => open(update.id)}
                  />
                </Timeline.Item>
              ))}
            </Timeline>
          )
        }
      </QueryState>
      <FormModal
        opened={editing !== null && commitment.data !== undefined && context.ready}
        onClose={() => open(undefined)}
        title={editing === 'new' ? t('reports.new') : t('reports.edit')}
        size="lg"
      >
        {editing !== null && commitment.data && context.ready && (
          <ReportForm
            slug={slug}
            commitmentId={commitmentId}
            report={editing === 'new' ? null : editing}
            official={commitment.data}
            indicators={context.indicators}
            attached={
              editing === 'new'
                ? []
                : context.evidence.filter((item) => item.progressUpdateId === editing.id)
            }
            onClose={() => open(undefined)}
          />
        )}
      </FormModal>
    </Stack>
  );
}

/** Newest first: by creation, whatever order the API used. */
function newestFirst(updates: ProgressUpdate[]): ProgressUpdate[] {
  return [...updates].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
