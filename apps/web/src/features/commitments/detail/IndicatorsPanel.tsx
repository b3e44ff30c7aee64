import { Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../api/types';
import { useFormat } from '../../../i18n/format';
import { EmptyState, QueryState } from '../../layout/states';
import { indicatorsQuery } from '../queries';
import { Sparkline } from './Sparkline';

export function IndicatorsPanel({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const { t } = useTranslation();
  const query = useQuery(indicatorsQuery(slug, commitmentId));
  return (
    <QueryState query={query}>
      {(indicators) =>
        indicators.length === 0 ? (
          <EmptyState message={t('indicators.empty')} />
        ) : (
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
        )
      }
    </QueryState>
  );
}

function IndicatorRow({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = format.text(indicator.name);
  const value = (amount: number) => `${format.number(amount)} ${indicator.unit}`.trim();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        <Text size="sm" fw={600}>
          {name}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`direction.${indicator.direction}`)}
          {indicator.source ? ` · ${t('indicators.source', { source: indicator.source })}` : ''}
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
        {indicator.onTrack === null ? (
          <Badge color="gray" variant="light">
            {t('indicators.noData')}
          </Badge>
        ) : indicator.onTrack ? (
          <Badge color="green">{t('indicators.onTrack')}</Badge>
        ) : (
          <Badge color="red">{t('indicators.offTrack')}</Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
