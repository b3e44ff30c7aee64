import { useState } from 'react';
import {
  Alert,
  Button,
  CloseButton,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Slider,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '@spct/contracts';
import { ApiError, fieldErrors } from '../../api/client';
import type {
  Evidence,
  Indicator,
  IndicatorValueInput,
  ProgressUpdate,
  ReportingPeriod,
} from '../../api/types';
import { useFormat } from '../../i18n/format';
import { FilePicker, UploadProgress } from '../evidence/FilePicker';
import { useEvidenceErrorMessage, useFileCheck } from '../evidence/messages';
import { ConflictAlert } from '../layout/ConflictAlert';
import { DateField } from '../layout/DateField';
import { useFormModal } from '../layout/UnsavedChanges';
import { LoadingState } from '../layout/states';
import { useLocalDraft } from '../layout/useLocalDraft';
import { periodsQuery } from '../reporting/queries';
import { newItemKey, type PendingLink, useReportSubmission } from './queries';
import { reportRules } from './rules';

interface IndicatorValueState {
  value: number | string;
  measuredOn: string;
  source: string;
}

export interface ReportFormValues {
  period: string;
  status: CommitmentStatus;
  progress: number;
  narrative: string;
  /** By indicator id; an empty value is not sent. */
  indicatorValues: Record<string, IndicatorValueState>;
  links: PendingLink[];
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The periods a report may name: the open ones, latest first, and the report's own (closed
 * meanwhile, it stays visible); a new report starts on the current period, or the latest open one.
 */
function periodChoices(periods: ReportingPeriod[], own: string | undefined) {
  const choices = periods.filter((p) => p.state === 'OPEN' || p.key === own);
  const preferred = choices.find((p) => p.current && p.state === 'OPEN') ?? choices[0];
  return { choices, preferred: own ?? preferred?.key ?? '' };
}

/**
 * What the form starts from: the report being edited, or for a new one the commitment's current
 * official status and progress (what the user updates) and the preferred period.
 */
export function startingValues(
  report: ProgressUpdate | null,
  official: { status: CommitmentStatus; progress: number },
  indicators: Indicator[],
  period: string,
): ReportFormValues {
  return {
    period,
    status: report?.status ?? official.status,
    progress: report?.progress ?? official.progress,
    narrative: report?.narrative ?? '',
    indicatorValues: Object.fromEntries(
      indicators.map((indicator) => {
        const proposed = report?.indicatorValues.find((v) => v.indicatorId === indicator.id);
        return [
          indicator.id,
          {
            value: proposed?.value ?? '',
            measuredOn: proposed?.measuredOn ?? today(),
            source: proposed?.source ?? '',
          },
        ];
      }),
    ),
    links: [],
  };
}

/** The indicator values sent, in the order of the indicators: the API names errors by index. */
function sentValues(values: ReportFormValues, indicators: Indicator[]): IndicatorValueInput[] {
  return indicators
    .filter((indicator) => values.indicatorValues[indicator.id]?.value !== '')
    .map((indicator) => {
      const state = values.indicatorValues[indicator.id]!;
      return {
        indicatorId: indicator.id,
        value: Number(state.value),
        measuredOn: state.measuredOn,
        ...(state.source.trim() ? { source: state.source.trim() } : {}),
      };
    });
}

/**
 * Writes a progress report (new, or the author's draft / returned one): period, proposed status
 * and progress, narrative, indicator values with their source, and evidence. Saved as a draft;
 * "Save and submit" also sends it for approval. What is typed is kept in this browser until it
 * is saved, and closing the form with unsaved changes asks first.
 */
export function ReportForm(props: ReportFormProps) {
  const periods = useQuery(periodsQuery(props.slug));
  if (periods.isPending) return <LoadingState rows={3} />;
  return <ReportFormFields {...props} periods={periods.data ?? []} />;
}

interface ReportFormProps {
  slug: string;
  commitmentId: string;
  report: ProgressUpdate | null;
  /** The commitment's official status and progress, where a new report starts. */
  official: { status: CommitmentStatus; progress: number };
  indicators: Indicator[];
  attached: Evidence[];
  onClose: () => void;
}

function ReportFormFields({
  slug,
  commitmentId,
  report,
  official,
  indicators,
  attached,
  onClose,
  periods,
}: ReportFormProps & { periods: ReportingPeriod[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const evidenceError = useEvidenceErrorMessage();
  const checkFile = useFileCheck();
  const submission = useReportSubmission({ slug, commitmentId }, report);
  const [fileError, setFileError] = useState<string | null>(null);
  const { choices, preferred } = periodChoices(periods, report?.period);
  const initial = startingValues(report, official, indicators, preferred);
  const form = useForm<ReportFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: reportRules(t, indicators),
  });

  const draft = useLocalDraft<ReportFormValues>(
    `report.${slug}.${commitmentId}.${report?.id ?? 'new'}`,
    form.values,
    !form.isDirty(),
  );
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [restoreOffered, setRestoreOffered] = useState(false);
  if (!restoreOffered) {
    setRestoreOffered(true);
    if (draft.found) {
      form.setValues({ ...initial, ...draft.found.value, links: draft.found.value.links ?? [] });
      setRestoredAt(draft.found.savedAt);
    }
  }

  const { cancel, saved } = useFormModal(form.isDirty() || submission.files.length > 0, onClose);

  // The API's field errors, under their fields (the form's own checks come first).
  const apiErrors = fieldErrors(submission.failure);
  const sent = sentValues(form.values, indicators);
  const valueError = (indicatorId: string, field: keyof IndicatorValueState) => {
    const index = sent.findIndex((v) => v.indicatorId === indicatorId);
    const prefix = `indicatorValues.${index}`;
    return (
      form.errors[`indicatorValues.${indicatorId}.${field}`] ??
      (index < 0
        ? undefined
        : (apiErrors[`${prefix}.${field}`] ??
          (field === 'value' ? apiErrors[`${prefix}.indicatorId`] : undefined)))
    );
  };
  const error = (field: 'status' | 'progress' | 'narrative') =>
    form.errors[field] ?? apiErrors[field];
  const failure = submission.failure;
  const generalError =
    failure instanceof ApiError && Object.keys(apiErrors).length === 0
      ? failure.status === 409
        ? t('reports.stateChanged')
        : failure.status === 401
          ? t('session.saveAgain')
          : failure.status === 0
            ? t('error.network')
            : failure.message
      : null;

  async function persist(values: ReportFormValues, andSubmit: boolean, baseVersion?: number) {
    const { sent: attachedLinks, done } = await submission.run({
      body: {
        period: values.period,
        status: values.status,
        progress: values.progress,
        narrative: values.narrative,
        indicatorValues: sentValues(values, indicators),
      },
      links: values.links,
      andSubmit,
      baseVersion,
    });
    if (done) {
      draft.clear();
      saved();
      onClose();
    } else if (attachedLinks.length > 0) {
      // Attached links leave the form; those refused stay with their message.
      form.setFieldValue(
        'links',
        values.links.filter((link) => !attachedLinks.includes(link.key)),
      );
    }
  }

  /** Loads the stored report into the form, dropping the user's unsaved input. */
  function keepTheirs(current: ProgressUpdate) {
    form.setValues(startingValues(current, official, indicators, current.period));
    form.resetDirty();
    submission.setVersion(current.version);
    submission.clearConflict();
  }

  const conflict = submission.conflict;
  const busy = submission.busy;
  return (
    <form
      onSubmit={form.onSubmit((values) => void persist(values, false))}
      noValidate
      aria-label={t('reports.formLabel')}
    >
      <Stack gap="md">
        {report?.state === 'RETURNED' && report.returnReason && (
          <Alert color="orange" variant="light" title={t('reports.returnReasonWhileEditing')}>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {report.returnReason}
            </Text>
          </Alert>
        )}
        {restoredAt && (
          <Alert color="blue" variant="light" role="status">
            <Group justify="space-between" gap="xs">
              <Text size="sm">{t('drafts.restored', { date: format.dateTime(restoredAt) })}</Text>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => {
                  form.setValues(initial);
                  form.resetDirty(initial);
                  draft.clear();
                  setRestoredAt(null);
                }}
              >
                {t('drafts.discard')}
              </Button>
            </Group>
          </Alert>
        )}
        {submission.savedId && !report && (
          <Text size="sm" c="dimmed" role="status">
            {t('reports.savedAsDraft')}
          </Text>
        )}
        {conflict && (
          <ConflictAlert
            title={t('reports.conflict.title')}
            busy={busy}
            reapply={{
              label: t('reports.conflict.reapply'),
              onClick: () => void persist(form.values, false, conflict.version),
            }}
            keepTheirs={{
              label: t('reports.conflict.keepTheirs'),
              onClick: () => keepTheirs(conflict),
            }}
          >
            <Text size="sm">{t('reports.conflict.text', { version: conflict.version })}</Text>
            <Text size="sm" fw={500}>
              {t('reports.conflict.stored')}
            </Text>
            <Text size="sm" data-testid="report-conflict-stored">
              {t('reports.conflict.storedLine', {
                period: conflict.period,
                status: t(`status.${conflict.status}`),
                progress: format.percent(conflict.progress),
              })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {conflict.narrative}
            </Text>
          </ConflictAlert>
        )}
        {generalError && (
          <Alert color="red" variant="light" role="alert">
            {generalError}
          </Alert>
        )}
        <NativeSelect
          label={t('reports.period')}
          description={t('reports.periodHint')}
          required
          data-autofocus
          {...form.getInputProps('period')}
          error={
            apiErrors.period
              ? t('reports.periodInvalid')
              : (form.errors.period ?? (choices.length === 0 && t('reports.noOpenPeriod')))
          }
          data={choices.map((p) => ({
            value: p.key,
            label: t('reports.periodOption', { period: p.key, due: format.date(p.dueOn) }),
          }))}
        />
        <NativeSelect
          label={t('reports.proposedStatus')}
          {...form.getInputProps('status')}
          error={error('status')}
          data={COMMITMENT_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
        />
        <div>
          <NumberInput
            label={t('reports.proposedProgress')}
            min={0}
            max={100}
            step={5}
            allowDecimal={false}
            clampBehavior="strict"
            suffix=" %"
            {...form.getInputProps('progress')}
            onChange={(value) =>
              form.setFieldValue('progress', typeof value === 'number' ? value : Number(value) || 0)
            }
            error={error('progress')}
          />
          <Slider
            mt="xs"
            min={0}
            max={100}
            step={5}
            value={form.values.progress}
            onChange={(value) => form.setFieldValue('progress', value)}
            label={(value) => format.percent(value)}
            thumbLabel={t('reports.proposedProgress')}
            marks={[
              { value: 0, label: '0' },
              { value: 50, label: '50' },
              { value: 100, label: '100' },
            ]}
            mb="md"
          />
        </div>
        <Textarea
          label={t('reports.narrative')}
          description={t('reports.narrativeHint')}
          required
          autosize
          minRows={4}
          {...form.getInputProps('narrative')}
          error={error('narrative')}
        />

        {indicators.length > 0 && (
          <Fieldset legend={t('reports.indicatorValues')}>
            <Stack gap="lg">
              {indicators.map((indicator) => {
                const name = format.text(indicator.name);
                const field = `indicatorValues.${indicator.id}` as const;
                return (
                  <SimpleGrid key={indicator.id} cols={{ base: 1, sm: 3 }} spacing="sm">
                    <NumberInput
                      label={t('reports.indicatorValue', {
                        name,
                        unit: format.text(indicator.unit),
                      })}
                      decimalScale={4}
                      {...form.getInputProps(`${field}.value`)}
                      error={valueError(indicator.id, 'value')}
                    />
                    <DateField
                      label={t('reports.measuredOn', { name })}
                      value={form.values.indicatorValues[indicator.id]?.measuredOn ?? ''}
                      onChange={(value) => form.setFieldValue(`${field}.measuredOn`, value)}
                      error={valueError(indicator.id, 'measuredOn')}
                    />
                    <TextInput
                      label={t('reports.valueSource', { name })}
                      placeholder={format.text(indicator.source) || undefined}
                      {...form.getInputProps(`${field}.source`)}
                      error={valueError(indicator.id, 'source')}
                    />
                  </SimpleGrid>
                );
              })}
            </Stack>
          </Fieldset>
        )}

        <Fieldset legend={t('reports.evidence')}>
          <Stack gap="sm">
            {apiErrors.evidence && (
              <Text size="sm" c="red" role="alert">
                {apiErrors.evidence}
              </Text>
            )}
            {attached.length > 0 && (
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {t('reports.attached')}
                </Text>
                {attached.map((item) => (
                  <Text key={item.id} size="sm">
                    {item.title}
                  </Text>
                ))}
              </Stack>
            )}
            {form.values.links.map((link, index) => {
              const refused = submission.linkErrors[link.key];
              const refusedFields = fieldErrors(refused);
              return (
                <Group key={link.key} align="flex-start" wrap="nowrap">
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
                    <TextInput
                      label={t('evidenceTab.linkTitle')}
                      {...form.getInputProps(`links.${index}.title`)}
                      error={form.errors[`links.${index}.title`] ?? refusedFields.title}
                    />
                    <TextInput
                      type="url"
                      label={t('evidenceTab.linkUrl')}
                      {...form.getInputProps(`links.${index}.url`)}
                      error={
                        form.errors[`links.${index}.url`] ??
                        refusedFields.url ??
                        (refused && !refusedFields.title ? evidenceError(refused) : undefined)
                      }
                    />
                  </SimpleGrid>
                  <CloseButton
                    mt={28}
                    aria-label={t('reports.removeLink')}
                    onClick={() => form.removeListItem('links', index)}
                  />
                </Group>
              );
            })}
            <div>
              <Button
                variant="subtle"
                size="xs"
                onClick={() =>
                  form.insertListItem('links', { key: newItemKey(), url: '', title: '' })
                }
              >
                {t('evidenceTab.addLink')}
              </Button>
            </div>
            {submission.files.map((pending) => {
              const failed = submission.fileErrors[pending.key];
              return (
                <Stack key={pending.key} gap={4}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm">
                      {pending.file.name} · {format.bytes(pending.file.size)}
                    </Text>
                    {pending.progress === null && (
                      <CloseButton
                        aria-label={t('reports.removeFile', { name: pending.file.name })}
                        onClick={() => submission.removeFile(pending.key)}
                      />
                    )}
                  </Group>
                  {pending.progress !== null && (
                    <UploadProgress name={pending.file.name} percent={pending.progress} />
                  )}
                  {failed !== undefined && (
                    <Text size="sm" c="red" role="alert">
                      {evidenceError(failed)}
                    </Text>
                  )}
                </Stack>
              );
            })}
            <FilePicker
              label={t('reports.evidenceFile')}
              error={fileError}
              disabled={busy}
              onPick={(file) => {
                const problem = checkFile(file);
                setFileError(problem);
                if (!problem) submission.addFile(file);
              }}
            />
          </Stack>
        </Fieldset>

        <Group justify="flex-end">
          <Button variant="default" onClick={cancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="light" loading={busy}>
            {t('reports.saveDraft')}
          </Button>
          <Button
            loading={busy}
            onClick={() => {
              const validation = form.validate();
              if (!validation.hasErrors) void persist(form.values, true);
            }}
          >
            {t('reports.saveAndSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
