import { useState, type FormEvent } from 'react';
import { Alert, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { FormActions } from '../layout/FormParts';
import { ConflictAlert } from '../layout/ConflictAlert';
import { useTranslation } from 'react-i18next';
import { bilingual } from '../layout/bilingual';
import { DateField } from '../layout/DateField';
import { INDICATOR_DIRECTIONS, type IndicatorDirection } from '@spct/contracts';
import { fieldErrors } from '../../api/client';
import { staleCurrent } from '../../api/concurrency';
import { useFormat } from '../../i18n/format';
import type { Indicator } from '../../api/types';
import { useAddMeasurement, useCreateIndicator, useUpdateIndicator } from './indicatorQueries';

interface Path {
  slug: string;
  commitmentId: string;
}

const asNumber = (value: number | string): number | undefined =>
  value === '' || Number.isNaN(Number(value)) ? undefined : Number(value);

function GeneralError({ error }: { error: Error | null }) {
  if (!error || Object.keys(fieldErrors(error)).length > 0) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {error.message}
    </Alert>
  );
}

/** Records one measured value of an indicator: date, value and source. */
export function MeasurementForm({
  path,
  indicator,
  onClose,
}: {
  path: Path;
  indicator: Indicator;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const add = useAddMeasurement(path);
  const [measuredOn, setMeasuredOn] = useState(new Date().toISOString().slice(0, 10));
  const [value, setValue] = useState<number | string>('');
  const [source, setSource] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrors(add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = asNumber(value);
    if (number === undefined) {
      setMissing(true);
      return;
    }
    add.mutate(
      {
        indicatorId: indicator.id,
        body: { measuredOn, value: number, ...(source.trim() ? { source: source.trim() } : {}) },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('indicatorsTab.addMeasurement')}>
      <Stack gap="md">
        <GeneralError error={add.error} />
        <DateField
          label={t('indicatorsTab.measuredOn')}
          required
          value={measuredOn}
          onChange={setMeasuredOn}
          error={errors.measuredOn}
        />
        <NumberInput
          label={t('indicatorsTab.value', { unit: format.text(indicator.unit) })}
          required
          data-autofocus
          decimalScale={4}
          value={value}
          onChange={(next) => {
            setValue(next);
            setMissing(false);
          }}
          error={missing ? t('indicatorsTab.valueRequired') : errors.value}
        />
        <TextInput
          label={t('indicatorsTab.source')}
          value={source}
          onChange={(event) => setSource(event.currentTarget.value)}
          error={errors.source}
        />
        <FormActions submitLabel={t('common.save')} busy={add.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}

/**
 * Creates an indicator (names, unit, direction, baseline and target (value, year), source), or
 * edits `indicator` naming the version it was loaded at. When someone else saved it meanwhile
 * (412), the user's input stays, the stored values are shown, and the user saves theirs on top
 * of the new version or loads the stored one.
 */
export function IndicatorForm({
  path,
  indicator,
  onClose,
}: {
  path: Path;
  indicator?: Indicator;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const create = useCreateIndicator(path);
  const update = useUpdateIndicator(path);
  const mutation = indicator ? update : create;
  const year = new Date().getFullYear();
  const [nameVi, setNameVi] = useState(indicator?.name.vi ?? '');
  const [nameEn, setNameEn] = useState(indicator?.name.en ?? '');
  const [unitVi, setUnitVi] = useState(indicator?.unit.vi ?? '');
  const [unitEn, setUnitEn] = useState(indicator?.unit.en ?? '');
  const [direction, setDirection] = useState<IndicatorDirection>(
    indicator?.direction ?? 'INCREASE',
  );
  const [baselineValue, setBaselineValue] = useState<number | string>(
    indicator?.baseline.value ?? '',
  );
  const [baselineYear, setBaselineYear] = useState<number | string>(
    indicator?.baseline.year ?? year - 1,
  );
  const [targetValue, setTargetValue] = useState<number | string>(indicator?.target.value ?? '');
  const [targetYear, setTargetYear] = useState<number | string>(indicator?.target.year ?? year + 4);
  const [sourceVi, setSourceVi] = useState(indicator?.source?.vi ?? '');
  const [sourceEn, setSourceEn] = useState(indicator?.source?.en ?? '');
  const [version, setVersion] = useState(indicator?.version);
  const [conflict, setConflict] = useState<Indicator | null>(null);
  const errors = fieldErrors(mutation.error);
  const stale = staleCurrent<Indicator>(mutation.error) !== null;

  const body = () => ({
    name: { vi: nameVi.trim(), en: nameEn.trim() },
    // Left empty, the unit is refused by the API naming the field.
    unit: bilingual(unitVi, unitEn) ?? { vi: '', en: '' },
    direction,
    // Left empty, a number becomes NaN and the API names the field.
    baseline: {
      value: asNumber(baselineValue) ?? Number.NaN,
      year: asNumber(baselineYear) ?? Number.NaN,
    },
    target: {
      value: asNumber(targetValue) ?? Number.NaN,
      year: asNumber(targetYear) ?? Number.NaN,
    },
    source: bilingual(sourceVi, sourceEn),
  });

  const save = (baseVersion = version) => {
    setConflict(null);
    if (!indicator) {
      create.mutate(body(), { onSuccess: onClose });
      return;
    }
    update.mutate(
      { indicatorId: indicator.id, version: baseVersion!, body: body() },
      {
        onSuccess: onClose,
        onError: (error) => setConflict(staleCurrent<Indicator>(error)),
      },
    );
  };

  /** Loads the stored indicator into the form, dropping the user's unsaved input. */
  const keepTheirs = (current: Indicator) => {
    setNameVi(current.name.vi);
    setNameEn(current.name.en);
    setUnitVi(current.unit.vi);
    setUnitEn(current.unit.en);
    setDirection(current.direction);
    setBaselineValue(current.baseline.value);
    setBaselineYear(current.baseline.year);
    setTargetValue(current.target.value);
    setTargetYear(current.target.year);
    setSourceVi(current.source?.vi ?? '');
    setSourceEn(current.source?.en ?? '');
    setVersion(current.version);
    setConflict(null);
    update.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={indicator ? t('indicatorsTab.editIndicator') : t('indicatorsTab.newIndicator')}
    >
      <Stack gap="md">
        {conflict && (
          <ConflictAlert
            title={t('indicatorsTab.conflict.title')}
            busy={update.isPending}
            reapply={{
              label: t('indicatorsTab.conflict.reapply'),
              onClick: () => {
                setVersion(conflict.version);
                save(conflict.version);
              },
            }}
            keepTheirs={{
              label: t('indicatorsTab.conflict.keepTheirs'),
              onClick: () => keepTheirs(conflict),
            }}
          >
            <Text size="sm">{t('indicatorsTab.conflict.text', { version: conflict.version })}</Text>
            <Text size="sm">
              {t('indicatorsTab.conflict.stored', {
                name: format.text(conflict.name),
                unit: format.text(conflict.unit),
                baseline: format.number(conflict.baseline.value),
                baselineYear: conflict.baseline.year,
                target: format.number(conflict.target.value),
                targetYear: conflict.target.year,
              })}
            </Text>
          </ConflictAlert>
        )}
        {!stale && <GeneralError error={mutation.error} />}
        <TextInput
          label={t('indicatorsTab.nameVi')}
          required
          lang="vi"
          data-autofocus
          value={nameVi}
          onChange={(event) => setNameVi(event.currentTarget.value)}
          error={errors['name.vi'] ?? errors.name}
        />
        <TextInput
          label={t('indicatorsTab.nameEn')}
          required
          lang="en"
          value={nameEn}
          onChange={(event) => setNameEn(event.currentTarget.value)}
          error={errors['name.en']}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('indicatorsTab.unitVi')}
            required
            lang="vi"
            value={unitVi}
            onChange={(event) => setUnitVi(event.currentTarget.value)}
            error={errors['unit.vi'] ?? errors.unit}
          />
          <TextInput
            label={t('indicatorsTab.unitEn')}
            description={t('common.sameIfEmpty')}
            lang="en"
            value={unitEn}
            onChange={(event) => setUnitEn(event.currentTarget.value)}
            error={errors['unit.en']}
          />
          <NativeSelect
            label={t('indicatorsTab.direction')}
            value={direction}
            onChange={(event) => setDirection(event.currentTarget.value as IndicatorDirection)}
            data={INDICATOR_DIRECTIONS.map((value) => ({
              value,
              label: t(`direction.${value}`),
            }))}
            error={errors.direction}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={t('indicatorsTab.baselineValue')}
            required
            decimalScale={4}
            value={baselineValue}
            onChange={setBaselineValue}
            error={errors['baseline.value'] ?? errors.baseline}
          />
          <NumberInput
            label={t('indicatorsTab.baselineYear')}
            required
            min={1900}
            max={2100}
            value={baselineYear}
            onChange={setBaselineYear}
            error={errors['baseline.year']}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={t('indicatorsTab.targetValue')}
            required
            decimalScale={4}
            value={targetValue}
            onChange={setTargetValue}
            error={errors['target.value'] ?? errors.target}
          />
          <NumberInput
            label={t('indicatorsTab.targetYear')}
            required
            min={1900}
            max={2100}
            value={targetYear}
            onChange={setTargetYear}
            error={errors['target.year']}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('indicatorsTab.sourceVi')}
            lang="vi"
            value={sourceVi}
            onChange={(event) => setSourceVi(event.currentTarget.value)}
            error={errors['source.vi'] ?? errors.source}
          />
          <TextInput
            label={t('indicatorsTab.sourceEn')}
            description={t('common.sameIfEmpty')}
            lang="en"
            value={sourceEn}
            onChange={(event) => setSourceEn(event.currentTarget.value)}
            error={errors['source.en']}
          />
        </Group>
        <FormActions submitLabel={t('common.save')} busy={mutation.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
