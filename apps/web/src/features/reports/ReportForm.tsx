import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  CloseButton,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Slider,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { ConflictAlert } from '../layout/ConflictAlert';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '@spct/contracts';
import { ApiError, fieldErrors } from '../../api/client';
import { staleCurrent } from '../../api/concurrency';
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
import { evidenceKey, postEvidenceLink } from '../evidence/queries';
import { reportEvidenceUrl, uploadEvidenceFile } from '../evidence/upload';
import { periodsQuery } from '../reporting/queries';
import { useReportDecision, useSaveReport } from './queries';

interface PendingFile {
  key: number;
  file: File;
  progress: number | null;
  error: string | null;
}

interface PendingLink {
  key: number;
  url: string;
  title: string;
  error: string | null;
}

interface IndicatorValueState {
  value: number | string;
  measuredOn: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The periods a report may name: the open ones, latest first, and the report's own (closed
 * meanwhile, it stays visible); the default is the current period, or the latest open one.
 */
function periodChoices(periods: ReportingPeriod[], own: string | undefined) {
  const choices = periods.filter((p) => p.state === 'OPEN' || p.key === own);
  const preferred = choices.find((p) => p.current && p.state === 'OPEN') ?? choices[0];
  return { choices, preferred: own ?? preferred?.key ?? '' };
}

let nextKey = 1;

/**
 * Writes a progress report (new, or the author's draft / returned one): period, proposed status
 * and progress, narrative, indicator values and evidence. Saved as a draft; "Save and submit"
 * also sends it for approval. Evidence is attached once the report exists, with upload progress.
 */
export function ReportForm({
  slug,
  commitmentId,
  report,
  indicators,
  attached,
  onClose,
}: {
  slug: string;
  commitmentId: string;
  report: ProgressUpdate | null;
  indicators: Indicator[];
  attached: Evidence[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const path = { slug, commitmentId };
  const save = useSaveReport(path);
  const decision = useReportDecision(path);
  const evidenceError = useEvidenceErrorMessage();
  const checkFile = useFileCheck();

  const [savedId, setSavedId] = useState<string | undefined>(report?.id);
  // The version the form edits (If-Match), and the stored report when a save found it changed.
  const [version, setVersion] = useState<number | undefined>(report?.version);
  const [conflict, setConflict] = useState<ProgressUpdate | null>(null);
  const periods = useQuery(periodsQuery(slug));
  const { choices, preferred } = periodChoices(periods.data ?? [], report?.period);
  // Null until the author picks one: the preferred period once the periods have loaded.
  const [pickedPeriod, setPeriod] = useState<string | null>(null);
  const period = pickedPeriod ?? preferred;
  const [status, setStatus] = useState<CommitmentStatus>(report?.status ?? 'ON_TRACK');
  const [progress, setProgress] = useState<number>(report?.progress ?? 0);
  const [narrative, setNarrative] = useState(report?.narrative ?? '');
  const [values, setValues] = useState<Record<string, IndicatorValueState>>(() =>
    Object.fromEntries(
      indicators.map((indicator) => {
        const proposed = report?.indicatorValues.find((v) => v.indicatorId === indicator.id);
        return [
          indicator.id,
          { value: proposed?.value ?? '', measuredOn: proposed?.measuredOn ?? today() },
        ];
      }),
    ),
  );
  const [links, setLinks] = useState<PendingLink[]>([]);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);

  // The indicator values sent, in order: the API names their errors by index.
  const sentValues: IndicatorValueInput[] = indicators
    .filter((indicator) => values[indicator.id]?.value !== '')
    .map((indicator) => ({
      indicatorId: indicator.id,
      value: Number(values[indicator.id]!.value),
      measuredOn: values[indicator.id]!.measuredOn,
    }));

  const errors = { ...fieldErrors(save.error), ...fieldErrors(submitError) };
  const valueError = (indicatorId: string, field: 'value' | 'measuredOn') => {
    const index = sentValues.findIndex((v) => v.indicatorId === indicatorId);
    if (index < 0) return undefined;
    const prefix = `indicatorValues.${index}`;
    return (
      errors[`${prefix}.${field}`] ??
      (field === 'value' ? errors[`${prefix}.indicatorId`] : undefined)
    );
  };
  const generalError = [save.error, submitError].find(
    (error) => error && Object.keys(fieldErrors(error)).length === 0 && !staleCurrent(error),
  );
  const stateChanged = generalError instanceof ApiError && generalError.status === 409;

  async function attachEvidence(updateId: string): Promise<boolean> {
    let ok = true;
    for (const link of links) {
      try {
        await postEvidenceLink(path, link, updateId);
        setLinks((list) => list.filter((item) => item.key !== link.key));
      } catch (error) {
        ok = false;
        const message = fieldErrors(error).url ?? fieldErrors(error).title ?? evidenceError(error);
        setLinks((list) =>
          list.map((item) => (item.key === link.key ? { ...item, error: message } : item)),
        );
      }
    }
    for (const pending of files) {
      const update = (patch: Partial<PendingFile>) =>
        setFiles((list) =>
          list.map((item) => (item.key === pending.key ? { ...item, ...patch } : item)),
        );
      update({ progress: 0, error: null });
      try {
        await uploadEvidenceFile({
          url: reportEvidenceUrl(slug, commitmentId, updateId),
          file: pending.file,
          onProgress: (percent) => update({ progress: percent }),
        });
        setFiles((list) => list.filter((item) => item.key !== pending.key));
      } catch (error) {
        ok = false;
        update({ progress: null, error: evidenceError(error) });
      }
    }
    if (links.length + files.length > 0) {
      await queryClient.invalidateQueries({ queryKey: evidenceKey(path) });
    }
    return ok;
  }

  /** Loads the stored report into the form, dropping the user's unsaved input. */
  function keepTheirs(current: ProgressUpdate) {
    setPeriod(current.period);
    setStatus(current.status);
    setProgress(current.progress);
    setNarrative(current.narrative);
    setValues(
      Object.fromEntries(
        indicators.map((indicator) => {
          const proposed = current.indicatorValues.find((v) => v.indicatorId === indicator.id);
          return [
            indicator.id,
            { value: proposed?.value ?? '', measuredOn: proposed?.measuredOn ?? today() },
          ];
        }),
      ),
    );
    setVersion(current.version);
    setConflict(null);
  }

  async function persist(andSubmit: boolean, baseVersion = version) {
    setBusy(true);
    setSubmitError(null);
    setConflict(null);
    try {
      const body = {
        period,
        status,
        progress,
        narrative,
        indicatorValues: sentValues,
      };
      let saved: ProgressUpdate;
      try {
        saved = await save.mutateAsync({ id: savedId, version: baseVersion, body });
      } catch (error) {
        // A 412: someone saved this report meanwhile; the user's input stays in the form.
        setConflict(staleCurrent<ProgressUpdate>(error));
        return; // other errors are shown from save.error
      }
      setSavedId(saved.id);
      setVersion(saved.version);
      if (!(await attachEvidence(saved.id))) return;
      if (andSubmit) {
        try {
          await decision.mutateAsync({
            updateId: saved.id,
            decision: 'submit',
            version: saved.version,
          });
        } catch (error) {
          setSubmitError(error);
          setConflict(staleCurrent<ProgressUpdate>(error));
          return;
        }
      }
      onClose();
    } finally {
      setBusy(false);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void persist(false);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('reports.formLabel')}>
      <Stack gap="md">
        {savedId && !report && (
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
              onClick: () => void persist(false, conflict.version),
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
        {generalError instanceof Error && (
          <Alert color="red" variant="light" role="alert">
            {stateChanged ? t('reports.stateChanged') : generalError.message}
          </Alert>
        )}
        <NativeSelect
          label={t('reports.period')}
          description={t('reports.periodHint')}
          required
          data-autofocus
          value={period}
          onChange={(event) => setPeriod(event.currentTarget.value)}
          error={
            errors.period
              ? t('reports.periodInvalid')
              : periods.isSuccess && choices.length === 0 && t('reports.noOpenPeriod')
          }
          data={choices.map((p) => ({
            value: p.key,
            label: t('reports.periodOption', {
              period: p.key,
              due: format.date(p.dueOn),
            }),
          }))}
        />
        <NativeSelect
          label={t('reports.proposedStatus')}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as CommitmentStatus)}
          error={errors.status}
          data={COMMITMENT_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
        />
        <div>
          <NumberInput
            label={t('reports.proposedProgress')}
            min={0}
            max={100}
            step={5}
            clampBehavior="strict"
            suffix=" %"
            value={progress}
            onChange={(value) =>
              setProgress(typeof value === 'number' ? value : Number(value) || 0)
            }
            error={errors.progress}
          />
          <Slider
            mt="xs"
            min={0}
            max={100}
            step={5}
            value={progress}
            onChange={setProgress}
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
          required
          autosize
          minRows={4}
          value={narrative}
          onChange={(event) => setNarrative(event.currentTarget.value)}
          error={errors.narrative}
        />

        {indicators.length > 0 && (
          <Fieldset legend={t('reports.indicatorValues')}>
            <Stack gap="sm">
              {indicators.map((indicator) => {
                const name = format.text(indicator.name);
                const state = values[indicator.id]!;
                const set = (patch: Partial<IndicatorValueState>) =>
                  setValues((all) => ({ ...all, [indicator.id]: { ...state, ...patch } }));
                return (
                  <Group key={indicator.id} align="flex-start" grow>
                    <NumberInput
                      label={t('reports.indicatorValue', { name, unit: indicator.unit })}
                      value={state.value}
                      decimalScale={4}
                      onChange={(value) => set({ value })}
                      error={valueError(indicator.id, 'value')}
                    />
                    <TextInput
                      type="date"
                      label={t('reports.measuredOn', { name })}
                      value={state.measuredOn}
                      onChange={(event) => set({ measuredOn: event.currentTarget.value })}
                      error={valueError(indicator.id, 'measuredOn')}
                    />
                  </Group>
                );
              })}
            </Stack>
          </Fieldset>
        )}

        <Fieldset legend={t('reports.evidence')}>
          <Stack gap="sm">
            {errors.evidence && (
              <Text size="sm" c="red" role="alert">
                {errors.evidence}
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
            {links.map((link) => (
              <Group key={link.key} align="flex-start" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('evidenceTab.linkTitle')}
                  value={link.title}
                  onChange={(event) => {
                    const title = event.currentTarget.value;
                    setLinks((list) =>
                      list.map((item) => (item.key === link.key ? { ...item, title } : item)),
                    );
                  }}
                />
                <TextInput
                  style={{ flex: 2 }}
                  type="url"
                  label={t('evidenceTab.linkUrl')}
                  value={link.url}
                  error={link.error}
                  onChange={(event) => {
                    const url = event.currentTarget.value;
                    setLinks((list) =>
                      list.map((item) => (item.key === link.key ? { ...item, url } : item)),
                    );
                  }}
                />
                <CloseButton
                  mt={28}
                  aria-label={t('reports.removeLink')}
                  onClick={() => setLinks((list) => list.filter((item) => item.key !== link.key))}
                />
              </Group>
            ))}
            <div>
              <Button
                variant="subtle"
                size="xs"
                onClick={() =>
                  setLinks((list) => [...list, { key: nextKey++, url: '', title: '', error: null }])
                }
              >
                {t('evidenceTab.addLink')}
              </Button>
            </div>
            {files.map((pending) => (
              <Stack key={pending.key} gap={4}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {pending.file.name} · {format.bytes(pending.file.size)}
                  </Text>
                  {pending.progress === null && (
                    <CloseButton
                      aria-label={t('reports.removeFile', { name: pending.file.name })}
                      onClick={() =>
                        setFiles((list) => list.filter((item) => item.key !== pending.key))
                      }
                    />
                  )}
                </Group>
                {pending.progress !== null && (
                  <UploadProgress name={pending.file.name} percent={pending.progress} />
                )}
                {pending.error && (
                  <Text size="sm" c="red" role="alert">
                    {pending.error}
                  </Text>
                )}
              </Stack>
            ))}
            <FilePicker
              label={t('reports.evidenceFile')}
              error={fileError}
              disabled={busy}
              onPick={(file) => {
                const problem = checkFile(file);
                setFileError(problem);
                if (!problem)
                  setFiles((list) => [
                    ...list,
                    { key: nextKey++, file, progress: null, error: null },
                  ]);
              }}
            />
          </Stack>
        </Fieldset>

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="light" loading={busy}>
            {t('reports.saveDraft')}
          </Button>
          <Button loading={busy} onClick={() => void persist(true)}>
            {t('reports.saveAndSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
