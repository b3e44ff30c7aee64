import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { EvidenceLink } from '../evidence/EvidenceLink';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../../api/client';
import type { Evidence, Indicator, ProgressUpdate } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { useMe } from '../auth/queries';
import { useMembership } from '../auth/useMembership';
import { StatusBadge, UpdateStateBadge } from '../commitments/badges';
import { useMemberName } from '../commitments/detail/memberNames';
import { evidenceQuery, indicatorsQuery } from '../commitments/queries';
import { useReportDecision } from './queries';

export interface ReportContext {
  /** Whether the indicators and evidence have loaded (the form starts from them). */
  ready: boolean;
  indicators: Indicator[];
  evidence: Evidence[];
  userId: string | undefined;
  nameOf: (userId: string | null | undefined) => string | undefined;
}

/** What every report card needs besides its report: indicators, evidence, people's names. */
export function useReportContext(slug: string, commitmentId: string): ReportContext {
  const indicators = useQuery(indicatorsQuery(slug, commitmentId));
  const evidence = useQuery(evidenceQuery(slug, commitmentId));
  const nameOf = useMemberName(slug);
  const me = useMe();
  return {
    ready: indicators.isSuccess && evidence.isSuccess,
    indicators: indicators.data ?? [],
    evidence: evidence.data ?? [],
    userId: me.data?.user.id,
    nameOf,
  };
}

const EDITABLE = ['DRAFT', 'RETURNED'];

export function ReportCard({
  slug,
  commitmentId,
  report,
  context,
  mayWrite,
  onEdit,
}: {
  slug: string;
  commitmentId: string;
  report: ProgressUpdate;
  context: ReportContext;
  mayWrite: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const access = useMembership(slug);
  const decision = useReportDecision({ slug, commitmentId });
  const [confirming, setConfirming] = useState(false);
  const [returning, setReturning] = useState(false);

  const isAuthor = context.userId !== undefined && report.authorId === context.userId;
  const authorMayChange = isAuthor && mayWrite && EDITABLE.includes(report.state);
  const mayDecide =
    report.state === 'SUBMITTED' && access.can('update.decide', { authorId: report.authorId });
  const attached = context.evidence.filter((item) => item.progressUpdateId === report.id);
  const headingId = `report-${report.id}`;

  const error = decision.error;
  const stateChanged = error instanceof ApiError && error.status === 409;
  // 412: the report was changed after this page loaded it (e.g. returned, edited, resubmitted).
  const contentChanged = error instanceof ApiError && error.status === 412;
  const submitErrors = Object.entries(fieldErrors(error));

  return (
    <Stack gap="xs" component="article" aria-labelledby={headingId}>
      <Group gap="xs">
        <Title order={3} size="h5" id={headingId} m={0}>
          {t('reports.periodTitle', { period: report.period })}
        </Title>
        <UpdateStateBadge state={report.state} />
      </Group>
      <Text size="xs" c="dimmed">
        {[
          t('reports.author', { name: report.author.displayName }),
          report.submittedAt
            ? t('reports.submittedAt', { date: format.date(report.submittedAt) })
            : t('reports.createdAt', { date: format.date(report.createdAt) }),
        ].join(' · ')}
      </Text>
      <Group gap="xs">
        <StatusBadge status={report.status} />
        <Text size="sm">
          {t('reports.proposed', {
            status: t(`status.${report.status}`),
            progress: format.percent(report.progress),
          })}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {report.narrative}
      </Text>

      {report.indicatorValues.length > 0 && (
        <div>
          <Text size="sm" fw={500}>
            {t('reports.indicatorValues')}
          </Text>
          <List size="sm" spacing={2}>
            {report.indicatorValues.map((value) => {
              const indicator = context.indicators.find((item) => item.id === value.indicatorId);
              return (
                <List.Item key={value.indicatorId}>
                  {t('reports.valueLine', {
                    name: indicator ? format.text(indicator.name) : t('reports.unknownIndicator'),
                    value: `${format.number(value.value)} ${format.text(indicator?.unit)}`.trim(),
                    date: format.date(value.measuredOn),
                  })}
                </List.Item>
              );
            })}
          </List>
        </div>
      )}

      {attached.length > 0 && (
        <div>
          <Text size="sm" fw={500}>
            {t('reports.evidence')}
          </Text>
          <List size="sm" spacing={2}>
            {attached.map((item) => (
              <List.Item key={item.id}>
                <EvidenceLink item={item} />
              </List.Item>
            ))}
          </List>
        </div>
      )}

      {report.state === 'RETURNED' && report.returnReason && (
        <Alert
          color={isAuthor ? 'red' : 'orange'}
          variant={isAuthor ? 'filled' : 'light'}
          title={isAuthor ? t('reports.returnReasonForYou') : t('reports.returnReason')}
          role={isAuthor ? 'alert' : undefined}
        >
          {report.returnReason}
        </Alert>
      )}

      <ReportSteps report={report} />

      {error && (
        <Alert color="red" variant="light" role="alert">
          {stateChanged ? (
            t('reports.stateChanged')
          ) : contentChanged ? (
            t('reports.contentChanged')
          ) : submitErrors.length > 0 ? (
            <List size="sm">
              {submitErrors.map(([field, message]) => (
                <List.Item key={field}>
                  {t('reports.fieldError', { field: fieldLabel(t, field), message })}
                </List.Item>
              ))}
            </List>
          ) : (
            error?.message
          )}
        </Alert>
      )}

      {(authorMayChange || mayDecide) && (
        <Group gap="xs">
          {authorMayChange && (
            <>
              <Button size="xs" variant="default" onClick={onEdit}>
                {report.state === 'RETURNED'
                  ? t('reports.editAndResubmit')
                  : t('reports.editAction')}
              </Button>
              <Button
                size="xs"
                loading={decision.isPending}
                onClick={() =>
                  decision.mutate({
                    updateId: report.id,
                    decision: 'submit',
                    version: report.version,
                  })
                }
              >
                {t('reports.submit')}
              </Button>
            </>
          )}
          {mayDecide && (
            <>
              <Button size="xs" color="green" onClick={() => setConfirming(true)}>
                {t('reports.approve')}
              </Button>
              <Button size="xs" color="orange" variant="outline" onClick={() => setReturning(true)}>
                {t('reports.return')}
              </Button>
            </>
          )}
        </Group>
      )}

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('reports.approveTitle')}
      >
        <Stack gap="md">
          <Text>
            {t('reports.approveConfirm', {
              period: report.period,
              status: t(`status.${report.status}`),
              progress: format.percent(report.progress),
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="green"
              loading={decision.isPending}
              onClick={() =>
                decision.mutate(
                  { updateId: report.id, decision: 'approve', version: report.version },
                  { onSettled: () => setConfirming(false) },
                )
              }
            >
              {t('reports.approve')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ReturnDialog
        opened={returning}
        period={report.period}
        pending={decision.isPending}
        onClose={() => setReturning(false)}
        onReturn={(reason) =>
          decision.mutate(
            { updateId: report.id, decision: 'return', reason, version: report.version },
            { onSettled: () => setReturning(false) },
          )
        }
      />
    </Stack>
  );
}

/**
 * What happened to the report, oldest first: each submission, return (with its reason) and
 * approval, by whom and when. The return reason of a report being revised is shown above.
 */
function ReportSteps({ report }: { report: ProgressUpdate }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (report.steps.length === 0) return null;
  // Open when the report went back and forth: the author and the approver see how it went.
  return (
    <details open={report.steps.some((step) => step.action === 'returned')}>
      <summary>
        <Text span size="xs" c="dimmed">
          {t('reports.steps.label', { count: report.steps.length })}
        </Text>
      </summary>
      <List size="xs" spacing={2} mt={4} aria-label={t('reports.steps.title')}>
        {report.steps.map((step, index) => {
          const resubmitted =
            step.action === 'submitted' &&
            report.steps.slice(0, index).some((s) => s.action === 'returned');
          return (
            <List.Item key={`${step.action}-${step.at}`}>
              {t(`reports.steps.${resubmitted ? 'resubmitted' : step.action}`, {
                name: step.actor?.displayName ?? t('history.unknownActor'),
                date: format.dateTime(step.at),
              })}
              {step.reason && (
                <Text span size="xs" fs="italic">
                  {' '}
                  — {step.reason}
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </details>
  );
}

type Translate = TFunction;

function fieldLabel(t: Translate, field: string): string {
  switch (field) {
    case 'status':
      return t('reports.proposedStatus');
    case 'progress':
      return t('reports.proposedProgress');
    case 'period':
      return t('reports.period');
    case 'narrative':
      return t('reports.narrative');
    case 'evidence':
      return t('reports.evidence');
    default:
      return field;
  }
}

/** Asks for the reason a report goes back to its author (required). */
function ReturnDialog({
  opened,
  period,
  pending,
  onClose,
  onReturn,
}: {
  opened: boolean;
  period: string;
  pending: boolean;
  onClose: () => void;
  onReturn: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const close = () => {
    setReason('');
    setMissing(false);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    onReturn(reason.trim());
    setReason('');
  };
  return (
    <Modal opened={opened} onClose={close} title={t('reports.returnTitle', { period })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Textarea
            label={t('reports.returnReasonLabel')}
            description={t('reports.returnReasonHint')}
            required
            data-autofocus
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              if (event.currentTarget.value.trim()) setMissing(false);
            }}
            error={missing ? t('reports.returnReasonRequired') : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={pending}>
              {t('reports.return')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
