import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Bar, BarChart, Legend, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { POSITION_KINDS } from '@spct/contracts';
import type { DashboardSummary, PositionCounts } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { PositionBadge } from '../commitments/badges';
import { RouterAnchor } from '../layout/RouterAnchor';
import { ChartCard } from './ChartCard';
import { LEGEND, LinkedBar, Swatch, useChartWidth, useListLink } from './chartParts';
import { POSITION_STYLES } from './styles';
import classes from './Dashboard.module.css';

/**
 * The tripartite dialogue: the positions each organization recorded on the items counted, and
 * the items where the organizations' positions differ.
 */
export function DialoguePanel({ slug, summary }: { slug: string; summary: DashboardSummary }) {
  const { t } = useTranslation();
  const { byOrganization, disagreements } = summary.dialogue;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartCard
        title={t('dashboard.dialogue.positions')}
        description={t('dashboard.dialogue.positionsHint')}
        chart={
          byOrganization.length === 0 ? (
            <Text c="dimmed">{t('dashboard.dialogue.noPositions')}</Text>
          ) : (
            <PositionsChart rows={byOrganization} />
          )
        }
        table={<PositionsTable rows={byOrganization} />}
      />
      <Disagreements slug={slug} summary={summary} disagreements={disagreements} />
    </SimpleGrid>
  );
}

function PositionsChart({ rows }: { rows: PositionCounts[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { ref, width } = useChartWidth();
  return (
    <div ref={ref} className={classes.chart}>
      <BarChart
        layout="vertical"
        width={width}
        height={rows.length * 40 + 70}
        data={rows}
        accessibilityLayer={false}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      >
        <XAxis
          type="number"
          allowDecimals={false}
          tickFormatter={(v: number) => format.number(v)}
        />
        <YAxis type="category" dataKey="shortName" width={72} interval={0} />
        <Legend {...LEGEND} />
        {POSITION_KINDS.map((kind) => (
          <Bar
            key={kind}
            dataKey={kind}
            stackId="position"
            name={t(`position.${kind}`)}
            fill={POSITION_STYLES[kind].fill}
            isAnimationActive={false}
            maxBarSize={28}
            shape={(props) => {
              const row = props.payload as PositionCounts;
              return (
                <LinkedBar
                  {...props}
                  series={POSITION_STYLES[kind]}
                  count={row[kind]}
                  countLabel={format.number(row[kind])}
                  label={t('dashboard.dialogue.positionCount', {
                    org: row.shortName,
                    position: t(`position.${kind}`),
                    count: format.number(row[kind]),
                  })}
                />
              );
            }}
          />
        ))}
      </BarChart>
    </div>
  );
}

function PositionsTable({ rows }: { rows: PositionCounts[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={6} className={classes.table}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('dashboard.organization')}</Table.Th>
          {POSITION_KINDS.map((kind) => (
            <Table.Th key={kind} scope="col" ta="right">
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Swatch series={POSITION_STYLES[kind]} size={10} />
                {t(`position.${kind}`)}
              </Group>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.organizationId}>
            <Table.Th scope="row" title={format.text(row.name)}>
              {row.shortName}
            </Table.Th>
            {POSITION_KINDS.map((kind) => (
              <Table.Td key={kind} ta="right">
                {format.number(row[kind])}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Disagreements({
  slug,
  summary,
  disagreements,
}: {
  slug: string;
  summary: DashboardSummary;
  disagreements: DashboardSummary['dialogue']['disagreements'];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkTo = useListLink();
  const count = summary.attention.disagreement;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="dashboard-disagreements"
      className={classes.card}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="dashboard-disagreements">
          {t('dashboard.dialogue.disagreements')}
        </Title>
        {count === 0 ? (
          <Text c="dimmed">{t('dashboard.dialogue.noDisagreement')}</Text>
        ) : (
          <>
            <Stack gap={0} component="ul" className={classes.plainList}>
              {disagreements.map((item) => (
                <li key={item.id} className={classes.listItem}>
                  <Text size="xs" c="dimmed">
                    {item.frameworkCode} {item.reference}
                  </Text>
                  <RouterAnchor
                    to="/w/$slug/commitments/$commitmentId"
                    params={{ slug, commitmentId: item.id }}
                    search={{ tab: 'positions' }}
                    fw={600}
                  >
                    {format.text(item.title)}
                  </RouterAnchor>
                  <Group gap="xs" mt={4} component="ul" className={classes.plainList}>
                    {item.positions.map((position) => (
                      <Group key={position.organizationId} component="li" gap={4} wrap="nowrap">
                        <Text size="sm" fw={600}>
                          {position.shortName}
                        </Text>
                        <PositionBadge position={position.position} />
                      </Group>
                    ))}
                  </Group>
                </li>
              ))}
            </Stack>
            <Anchor {...linkTo({ attention: 'disagreement' })} size="sm">
              {t('dashboard.dialogue.allDisagreements', { count, total: format.number(count) })}
            </Anchor>
          </>
        )}
      </Stack>
    </Paper>
  );
}
