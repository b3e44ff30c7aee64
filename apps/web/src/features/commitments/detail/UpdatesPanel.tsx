import { Button, Group, Modal, Stack, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProgressUpdate } from '../../../api/types';
import { useMembership } from '../../auth/useMembership';
import { EmptyState, QueryState } from '../../layout/states';
import { ReportCard, useReportContext } from '../../reports/ReportCard';
import { ReportForm } from '../../reports/ReportForm';
import { commitmentQuery, updatesQuery } from '../queries';
import { commitmentResource } from '../../auth/permissions';

/** `null`: closed; `'new'`: writing a new report; a report: editing it. */
type Editing = ProgressUpdate | 'new' | null;

/** The progress reports of a commitment, newest first, with the workflow actions the user may take. */
export function UpdatesPanel({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const { t } = useTranslation();
  const query = useQuery(updatesQuery(slug, commitmentId));
  const commitment = useQuery(commitmentQuery(slug, commitmentId));
  const access = useMembership(slug);
  const context = useReportContext(slug, commitmentId);
  const [editing, setEditing] = useState<Editing>(null);

  const mayWrite =
    commitment.data !== undefined &&
    !commitment.data.archived &&
    access.can('update.write', commitmentResource(commitment.data));

  const newButton = mayWrite ? (
    <Button onClick={() => setEditing('new')}>{t('reports.new')}</Button>
  ) : null;

  return (
    <Stack gap="md">
      {newButton && <Group justify="flex-end">{newButton}</Group>}
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
                    onEdit={() => setEditing(update)}
                  />
                </Timeline.Item>
              ))}
            </Timeline>
          )
        }
      </QueryState>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('reports.new') : t('reports.edit')}
        size="lg"
      >
        {editing !== null && (
          <ReportForm
            slug={slug}
            commitmentId={commitmentId}
            report={editing === 'new' ? null : editing}
            indicators={context.indicators}
            attached={
              editing === 'new'
                ? []
                : context.evidence.filter((item) => item.progressUpdateId === editing.id)
            }
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

/** Newest first: by creation, whatever order the API used. */
function newestFirst(updates: ProgressUpdate[]): ProgressUpdate[] {
  return [...updates].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
