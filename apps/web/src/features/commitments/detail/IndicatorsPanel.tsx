import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../api/types';
import { useFormat } from '../../../i18n/format';
import { useMembership } from '../../auth/useMembership';
import { EmptyState, QueryState } from '../../layout/states';
import { IndicatorChart } from '../../reports/IndicatorChart';
import { IndicatorForm, MeasurementForm } from '../../reports/IndicatorForms';
import { commitmentQuery, indicatorsQuery } from '../queries';
import { Sparkline } from './Sparkline';
import { commitmentResource } from '../../auth/permissions';
import { ExportButtons } from '../../exports/ExportButtons';

/**
 * The indicators of a commitment: a summary table, then for each indicator a chart of its
 * measured values against the baseline→target line, and its measurements as a table (the
 * chart's text alternative). Who may write measurements adds them and creates indicators.
 */
export function IndicatorsPanel({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const { t } = useTranslation();
  const query = useQuery(indicatorsQuery(slug, commitmentId));
  const commitment = useQuery(commitmentQuery(slug, commitmentId));
  const access = useMembership(slug);
  const [creating, setCreating] = useState(false);
  const [measuring, setMeasuring] = useState<Indicator | null>(null);
  const [editing, setEditing] = useState<Indicator | null>(null);
  const path = { slug, commitmentId };
  const mayWrite =
    commitment.data !== undefined &&
    access.can('measurement.write', commitmentResource(commitment.data));

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        {access.can('export') ? (
          <Stack gap={4}>
            <ExportButtons slug={slug} name="indicators" label={t('exports.what.indicators')} />
            <Text size="xs" c="dimmed">
              {t('exports.indicatorsScope')}
            </Text>
          </Stack>
        ) : (
          <span />
        )}
        {mayWrite && (
          <Button onClick={() => setCreating(true)}>{t('indicatorsTab.newIndicator')}</Button>
        )}
      </Group>
      <QueryState query={query}>
        {(indicators) =>
          indicators.length === 0 ? (
            <EmptyState message={t('indicators.empty')} />
          ) : (
            <Stack gap="lg">
              <Table.ScrollContainer minWidth={820}>
                <Table verticalSpacing="sm" captionSide="top">
                  <Table.Caption>{t('indicators.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('indicators.name')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.baseline')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.target')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.latest')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.expected')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.trend')}</Table.Th>
                      <Table.Th scope="col">{t('indicators.assessment')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {indicators.map((indicator) => (
                      <IndicatorRow key={indicator.id} indicator={indicator} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {indicators.map((indicator) => (
                <IndicatorSection
                  key={indicator.id}
                  indicator={indicator}
                  mayWrite={mayWrite}
                  onMeasure={() => setMeasuring(indicator)}
                  onEdit={() => setEditing(indicator)}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('indicatorsTab.newIndicator')}
        size="lg"
      >
        {creating && <IndicatorForm path={path} onClose={() => setCreating(false)} />}
      </Modal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t('indicatorsTab.editIndicator')}
        size="lg"
      >
        {editing && (
          <IndicatorForm path={path} indicator={editing} onClose={() => setEditing(null)} />
        )}
      </Modal>
      <Modal
        opened={measuring !== null}
        onClose={() => setMeasuring(null)}
        title={t('indicatorsTab.addMeasurement')}
      >
        {measuring && (
          <MeasurementForm path={path} indicator={measuring} onClose={() => setMeasuring(null)} />
        )}
      </Modal>
    </Stack>
  );
}

// Badges keep their whole label in narrow table cells instead of ending in "…".
const FULL_LABEL = { root: { flexShrink: 0, maxWidth: 'none' }, label: { overflow: 'visible' } };

function TrackBadge({ onTrack }: { onTrack: boolean | null }) {
  const { t } = useTranslation();
  if (onTrack === null)
    return (
      <Badge styles={FULL_LABEL} color="gray" variant="light">
        {t('indicators.noData')}
      </Badge>
    );
  return onTrack ? (
    <Badge styles={FULL_LABEL} color="green">
      {t('indicators.onTrack')}
    </Badge>
  ) : (
    <Badge styles={FULL_LABEL} color="red">
      {t('indicators.offTrack')}
    </Badge>
  );
}

function IndicatorSection({
  indicator,
  mayWrite,
  onMeasure,
  onEdit,
}: {
  indicator: Indicator;
  mayWrite: boolean;
  onMeasure: () => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = format.text(indicator.name);
  const headingId = `indicator-${indicator.id}`;
  const value = (amount: number) =>
    `${format.number(amount)} ${format.text(indicator.unit)}`.trim();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Group gap="xs">
            <Title order={3} size="h5" id={headingId} m={0}>
              {name}
            </Title>
            <TrackBadge onTrack={indicator.onTrack} />
          </Group>
          {mayWrite && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                onClick={onEdit}
                aria-label={t('indicatorsTab.editIndicatorFor', { name })}
              >
                {t('reports.editAction')}
              </Button>
              <Button
                size="xs"
                variant="light"
                onClick={onMeasure}
                aria-label={t('indicatorsTab.addMeasurementFor', { name })}
              >
                {t('indicatorsTab.addMeasurement')}
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {[
            t('indicatorsTab.unitLine', { unit: format.text(indicator.unit) }),
            t(`direction.${indicator.direction}`),
            t('indicatorsTab.fromTo', {
              baseline: value(indicator.baseline.value),
              baselineYear: indicator.baseline.year,
              target: value(indicator.target.value),
              targetYear: indicator.target.year,
            }),
            indicator.source
              ? t('indicators.source', { source: format.text(indicator.source) })
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <IndicatorChart indicator={indicator} label={t('indicatorsTab.chartLabel', { name })} />
        {indicator.measurements.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('indicatorsTab.noMeasurements')}
          </Text>
        ) : (
          <Table verticalSpacing={4} captionSide="top" striped>
            <Table.Caption>{t('indicatorsTab.measurementsOf', { name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('indicatorsTab.measuredOn')}</Table.Th>
                <Table.Th scope="col">
                  {t('indicatorsTab.value', { unit: format.text(indicator.unit) })}
                </Table.Th>
                <Table.Th scope="col">{t('indicatorsTab.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...indicator.measurements].reverse().map((measurement) => (
                <Table.Tr key={measurement.id}>
                  <Table.Td>{format.date(measurement.measuredOn)}</Table.Td>
                  <Table.Td>{format.number(measurement.value)}</Table.Td>
                  <Table.Td>{measurement.source ?? t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

function IndicatorRow({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = format.text(indicator.name);
  const value = (amount: number) =>
    `${format.number(amount)} ${format.text(indicator.unit)}`.trim();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        <Text size="sm" fw={600}>
          {name}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`direction.${indicator.direction}`)}
          {indicator.source
            ? ` · ${t('indicators.source', { source: format.text(indicator.source) })}`
            : ''}
        </Text>
      </Table.Th>
      <Table.Td>
        {t('indicators.valueInYear', {
          value: value(indicator.baseline.value),
          year: indicator.baseline.year,
        })}
      </Table.Td>
      <Table.Td>
        {t('indicators.valueInYear', {
          value: value(indicator.target.value),
          year: indicator.target.year,
        })}
      </Table.Td>
      <Table.Td>
        {indicator.latest
          ? t('indicators.valueOnDate', {
              value: value(indicator.latest.value),
              date: format.date(indicator.latest.measuredOn),
            })
          : t('common.none')}
      </Table.Td>
      <Table.Td>
        {indicator.expected === null ? t('common.none') : value(indicator.expected)}
      </Table.Td>
      <Table.Td>
        <Sparkline
          values={indicator.measurements.map((measurement) => measurement.value)}
          reference={[indicator.baseline.value, indicator.target.value]}
          label={t('indicators.sparkline', { name, count: indicator.measurements.length })}
        />
      </Table.Td>
      <Table.Td>
        <TrackBadge onTrack={indicator.onTrack} />
      </Table.Td>
    </Table.Tr>
  );
}
