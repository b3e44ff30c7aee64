import { useId, useState, type ReactNode } from 'react';
import { Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './Dashboard.module.css';

interface ChartCardProps {
  title: string;
  description?: ReactNode;
  /** Controls of the card next to the chart/table switch (e.g. quarter/month). */
  controls?: ReactNode;
  chart: ReactNode;
  /** The same numbers as a table: every chart has one. */
  table: ReactNode;
}

/** A dashboard card: a chart, or its numbers as a table. */
export function ChartCard({ title, description, controls, chart, table }: ChartCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} className={classes.card}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          <Group gap="xs" className={classes.screenOnly}>
            {controls}
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(value) => setView(value as 'chart' | 'table')}
              aria-label={t('dashboard.view.label', { title })}
              data={[
                { value: 'chart', label: t('dashboard.view.chart') },
                { value: 'table', label: t('dashboard.view.table') },
              ]}
            />
          </Group>
        </Group>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {view === 'chart' ? chart : table}
      </Stack>
    </Paper>
  );
}
