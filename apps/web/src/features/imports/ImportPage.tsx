import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ImportJob, ImportRow, ImportSheet } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { importRoute } from '../../router';
import { useFieldLabel } from '../commitments/detail/fieldValues';
import { ConfirmDialog, ErrorAlert } from '../layout/FormParts';
import { RouterAnchor } from '../layout/RouterAnchor';
import { EmptyState, QueryState } from '../layout/states';
import { usePageTitle } from '../layout/usePageTitle';
import { ImportStateBadge } from './ImportStateBadge';
import { COMMITMENT_COLUMNS, INDICATOR_COLUMNS, useColumnName, useRowErrorText } from './messages';
import { UploadStep } from './NewImportPage';
import { errorsHref, importQuery, isRunning, useInvalidateImported, useRunImport } from './queries';
import { fileOfImport, useImportFile } from './useImportFile';

/** Rows shown at once; "show more" adds as many again (a file may have 10,000). */
const ROWS_SHOWN = 200;

/**
 * `/w/$slug/imports/$importId`: one import — its columns and dry run, then its run's progress
 * (polled, so a reload finds it again) and its result.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { slug, importId } = importRoute.useParams();
  const query = useQuery(importQuery(slug, importId));
  usePageTitle(t('imports.title'));
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <RouterAnchor to="/w/$slug/imports" params={{ slug }} size="sm">
          {t('imports.allImports')}
        </RouterAnchor>
        <Title order={1}>{t('imports.title')}</Title>
      </Stack>
      <QueryState query={query}>
        {(job) => <ImportView key={job.id} slug={slug} job={job} />}
      </QueryState>
    </Stack>
  );
}

function ImportView({ slug, job }: { slug: string; job: ImportJob }) {
  return (
    <Stack gap="lg">
      <Group gap="sm" wrap="wrap">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {job.fileName}
        </Text>
        <ImportStateBadge state={job.state} />
      </Group>
      <Counts job={job} />
      {job.state === 'VALIDATED' ? (
        <>
          <Mapping slug={slug} job={job} />
          <Preview job={job} />
          {job.errors > 0 ? <Rejected slug={slug} job={job} /> : <RunStep slug={slug} job={job} />}
        </>
      ) : (
        <RunProgress slug={slug} job={job} />
      )}
    </Stack>
  );
}

const COUNTS = ['total', 'creates', 'updates', 'unchanged', 'errors'] as const;

function Counts({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
      {COUNTS.map((count) => (
        <Paper key={count} withBorder p="sm" radius="md">
          <Text size="sm" c="dimmed">
            {t(`imports.counts.${count}`)}
          </Text>
          <Text fz="xl" fw={700} c={count === 'errors' && job.errors > 0 ? 'red.9' : undefined}>
            {format.number(job[count])}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

type SheetKind = ImportSheet['kind'];
const SHEET_KINDS: SheetKind[] = ['commitment', 'indicator', 'skip'];
const columnsOf = (kind: SheetKind): readonly string[] =>
  kind === 'indicator' ? INDICATOR_COLUMNS : kind === 'commitment' ? COMMITMENT_COLUMNS : [];

/** What the user chose for a sheet: what it holds and what each header is read as. */
interface SheetChoice {
  kind: SheetKind;
  columns: Record<string, string | null>;
}

const choiceOf = (sheet: ImportSheet): SheetChoice => ({
  kind: sheet.kind,
  columns: Object.fromEntries(sheet.columns.map((c) => [c.header, c.column])),
});

/**
 * How each sheet and each of its headers is read. While the file is at hand (chosen in this tab)
 * what a sheet holds (or skipping it) and the columns the template does not name can be chosen,
 * and the file is checked again with them.
 */
function Mapping({ slug, job }: { slug: string; job: ImportJob }) {
  const { t } = useTranslation();
  const { file, encoding } = fileOfImport(job.id) ?? {};
  const { send, busy, error } = useImportFile(slug);
  const [choices, setChoices] = useState<Record<number, SheetChoice>>(() =>
    Object.fromEntries(job.sheets.map((sheet) => [sheet.index, choiceOf(sheet)])),
  );
  const changed = job.sheets.some((sheet) => {
    const choice = choices[sheet.index]!;
    return (
      choice.kind !== sheet.kind || sheet.columns.some((c) => choice.columns[c.header] !== c.column)
    );
  });
  const choose = (index: number, change: (choice: SheetChoice) => SheetChoice) =>
    setChoices((previous) => ({ ...previous, [index]: change(previous[index]!) }));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-mapping">
      <Stack gap="md">
        <Title order={2} size="h3" id="import-mapping">
          {t('imports.mappingTitle')}
        </Title>
        <Text size="sm">{file ? t('imports.mappingHint') : t('imports.mappingReadOnly')}</Text>
        {job.sheets.map((sheet) => (
          <SheetMapping
            key={sheet.index}
            sheet={sheet}
            choice={choices[sheet.index]!}
            editable={!!file}
            onKind={(kind) =>
              choose(sheet.index, ({ columns }) => ({
                kind,
                // A column of the other kind is not read by this one.
                columns: Object.fromEntries(
                  Object.entries(columns).map(([header, column]) => [
                    header,
                    column && columnsOf(kind).includes(column) ? column : null,
                  ]),
                ),
              }))
            }
            onColumn={(header, column) =>
              choose(sheet.index, (choice) => ({
                ...choice,
                columns: { ...choice.columns, [header]: column },
              }))
            }
          />
        ))}
        {file && (
          <Group>
            <Button
              variant="default"
              disabled={!changed}
              loading={busy}
              onClick={() =>
                send(file, {
                  sheets: job.sheets.map(({ index }) => ({
                    sheet: index,
                    kind: choices[index]!.kind,
                    mapping: choices[index]!.columns,
                  })),
                  encoding,
                  replace: true,
                })
              }
            >
              {t('imports.applyMapping')}
            </Button>
          </Group>
        )}
        {error && <ErrorAlert>{error}</ErrorAlert>}
      </Stack>
    </Paper>
  );
}

function SheetMapping({
  sheet,
  choice,
  editable,
  onKind,
  onColumn,
}: {
  sheet: ImportSheet;
  choice: SheetChoice;
  editable: boolean;
  onKind: (kind: SheetKind) => void;
  onColumn: (header: string, column: string | null) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const columnName = useColumnName();
  const titleId = `import-sheet-${sheet.index}`;
  const title =
    sheet.name === null ? t('imports.csvSheet') : t('imports.sheetTitle', { name: sheet.name });
  const options = [
    { value: '', label: t('imports.ignored') },
    ...columnsOf(choice.kind).map((key) => ({ value: key, label: columnName(key) })),
  ];
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h4" id={titleId} style={{ overflowWrap: 'anywhere' }}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {t(`imports.sheetDetected.${sheet.detected ?? 'none'}`)}
        {sheet.rows !== null && ` ${t('imports.sheetRows', { count: format.number(sheet.rows) })}`}
      </Text>
      {editable ? (
        <NativeSelect
          label={
            sheet.name === null
              ? t('imports.csvKindLabel')
              : t('imports.sheetKindLabel', { name: sheet.name })
          }
          data={SHEET_KINDS.map((kind) => ({ value: kind, label: t(`imports.sheetKind.${kind}`) }))}
          value={choice.kind}
          onChange={(event) => onKind(event.currentTarget.value as SheetKind)}
          maw={360}
        />
      ) : (
        <Text size="sm">
          {t('imports.sheetKindRead', { kind: t(`imports.sheetKind.${sheet.kind}`) })}
        </Text>
      )}
      {choice.kind !== 'skip' && (
        <Table.ScrollContainer minWidth={300}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('imports.mappingHeader')}</Table.Th>
                <Table.Th scope="col">{t('imports.mappingColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sheet.columns.map((m, index) => (
                <Table.Tr key={`${index}-${m.header}`}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {m.header || t('imports.emptyHeader')}
                  </Table.Td>
                  <Table.Td>
                    {editable ? (
                      <NativeSelect
                        aria-label={t('imports.mappingSelect', {
                          header: m.header || t('imports.emptyHeader'),
                        })}
                        data={options}
                        value={choice.columns[m.header] ?? ''}
                        onChange={(event) => onColumn(m.header, event.currentTarget.value || null)}
                      />
                    ) : m.column ? (
                      columnName(m.column)
                    ) : (
                      <Text span size="sm" c="dimmed">
                        {t('imports.ignored')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

const OUTCOME_COLORS: Record<ImportRow['outcome'], string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'gray',
  error: 'red',
};

function Preview({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fieldLabel = useFieldLabel();
  const columnName = useColumnName();
  const errorText = useRowErrorText();
  const hasIndicators = job.rows.some((row) => row.kind === 'indicator');
  // The sheet column is shown when rows of one kind come from two sheets.
  const hasSheets = (['commitment', 'indicator'] as const).some(
    (kind) => new Set(job.rows.filter((row) => row.kind === kind).map((row) => row.sheet)).size > 1,
  );
  const [onlyErrors, setOnlyErrors] = useState(job.errors > 0);
  const [shown, setShown] = useState(ROWS_SHOWN);
  const rows = onlyErrors ? job.rows.filter((row) => row.outcome === 'error') : job.rows;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-preview">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="import-preview">
            {t('imports.previewTitle')}
          </Title>
          <Switch
            label={t('imports.onlyErrors')}
            checked={onlyErrors}
            onChange={(event) => setOnlyErrors(event.currentTarget.checked)}
          />
        </Group>
        {rows.length === 0 ? (
          <EmptyState message={onlyErrors ? t('imports.noErrorRows') : t('imports.noRows')} />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Caption>{t('imports.previewCaption', { file: job.fileName })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {hasIndicators && <Table.Th scope="col">{t('imports.table.kind')}</Table.Th>}
                  {hasSheets && <Table.Th scope="col">{t('imports.table.sheet')}</Table.Th>}
                  <Table.Th scope="col">{t('imports.table.line')}</Table.Th>
                  <Table.Th scope="col">{t('imports.table.outcome')}</Table.Th>
                  <Table.Th scope="col">{t('imports.table.framework')}</Table.Th>
                  <Table.Th scope="col">{t('imports.table.reference')}</Table.Th>
                  {hasIndicators && <Table.Th scope="col">{t('imports.table.indicator')}</Table.Th>}
                  <Table.Th scope="col">{t('imports.table.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, shown).map((row) => (
                  <Table.Tr key={`${row.kind}-${row.sheet}-${row.line}`}>
                    {hasIndicators && <Table.Td>{t(`imports.kind.${row.kind}`)}</Table.Td>}
                    {hasSheets && (
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.sheet ?? ''}</Table.Td>
                    )}
                    <Table.Td>{format.number(row.line)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge color={OUTCOME_COLORS[row.outcome]} variant="light">
                        {t(`imports.outcome.${row.outcome}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{row.framework ?? t('common.none')}</Table.Td>
                    <Table.Td>{row.reference ?? t('common.none')}</Table.Td>
                    {hasIndicators && (
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        {row.indicator ?? t('common.none')}
                      </Table.Td>
                    )}
                    <Table.Td>
                      {row.errors.length > 0 ? (
                        <Stack gap={2}>
                          {row.errors.map((error, index) => (
                            <Text key={index} size="sm" c="red.9">
                              {errorText(error)}
                            </Text>
                          ))}
                        </Stack>
                      ) : row.changedFields.length > 0 ? (
                        <Text size="sm">
                          {t('imports.changes', {
                            fields: row.changedFields
                              .map(row.kind === 'indicator' ? columnName : fieldLabel)
                              .join(', '),
                          })}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {rows.length > shown && (
          <Group justify="center">
            <Button variant="default" onClick={() => setShown(shown + ROWS_SHOWN)}>
              {t('common.loadMore')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** A dry run with errors cannot run: the rejected rows to download, and a corrected file to send. */
function Rejected({ slug, job }: { slug: string; job: ImportJob }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md">
      <Alert
        color="red"
        variant="light"
        role="alert"
        title={t('imports.hasErrors', { count: job.errors })}
      >
        <Button
          component="a"
          variant="outline"
          color="red"
          href={errorsHref(slug, job.id, i18n.language)}
          download
        >
          {t('imports.downloadErrors')}
        </Button>
      </Alert>
      <UploadStep slug={slug} title={t('imports.uploadAgain')} />
    </Stack>
  );
}

/** Runs a clean dry run, after a confirmation when it changes existing commitments. */
function RunStep({ slug, job }: { slug: string; job: ImportJob }) {
  const { t } = useTranslation();
  const run = useRunImport(slug, job.id);
  const [confirming, setConfirming] = useState(false);
  const mixed = job.rows.some((row) => row.kind === 'indicator');
  if (job.creates + job.updates === 0) {
    return <EmptyState message={t('imports.nothingToDo')} />;
  }
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm" align="flex-start">
        <Text>{t(mixed ? 'imports.readyMixed' : 'imports.ready', job)}</Text>
        <Button
          loading={run.isPending}
          onClick={() => (job.updates > 0 ? setConfirming(true) : run.mutate())}
        >
          {t('imports.run')}
        </Button>
        {run.error && !confirming && <ErrorAlert>{run.error.message}</ErrorAlert>}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('imports.confirmTitle')}
        message={t(mixed ? 'imports.confirmBodyMixed' : 'imports.confirmBody', job)}
        confirmLabel={t('imports.confirm')}
        color="blue"
        busy={run.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => run.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      >
        {run.error && <ErrorAlert>{run.error.message}</ErrorAlert>}
      </ConfirmDialog>
    </Paper>
  );
}

/** The run: its progress while queued or running, then how it ended. */
function RunProgress({ slug, job }: { slug: string; job: ImportJob }) {
  const { t } = useTranslation();
  const format = useFormat();
  const invalidate = useInvalidateImported(slug);
  const total = job.creates + job.updates;
  const done = job.state === 'SUCCEEDED' ? total : job.processed;
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  const succeeded = job.state === 'SUCCEEDED';
  // Lists, trees and the dashboard read the written commitments once the run is over.
  useEffect(() => {
    if (succeeded) void invalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per finished run
  }, [succeeded]);
  const progressText = t('imports.progress', {
    done: format.number(done),
    total: format.number(total),
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-run">
      <Stack gap="sm">
        <Title order={2} size="h3" id="import-run">
          {t('imports.progressLabel')}
        </Title>
        {job.state !== 'FAILED' && (
          <>
            <Progress.Root size="xl">
              <Progress.Section
                value={percent}
                color={succeeded ? 'green' : undefined}
                animated={isRunning(job)}
                aria-label={t('imports.progressLabel')}
                aria-valuetext={progressText}
              />
            </Progress.Root>
            <Text size="sm" aria-live="polite">
              {progressText}
            </Text>
          </>
        )}
        {isRunning(job) && (
          <Text size="sm" c="dimmed">
            {t(job.state === 'QUEUED' ? 'imports.queued' : 'imports.running')}
          </Text>
        )}
        {succeeded && (
          <Alert color="green" variant="light" role="status" title={t('imports.succeeded', job)}>
            <Button
              renderRoot={(props) => (
                <Link {...props} to="/w/$slug/commitments" params={{ slug }} />
              )}
            >
              {t('imports.viewCommitments')}
            </Button>
          </Alert>
        )}
        {job.state === 'FAILED' && (
          <Alert color="red" variant="light" role="alert" title={t('imports.failed')}>
            {job.failureCode && (
              <Text size="sm">{t(`imports.failureCodes.${job.failureCode}`)}</Text>
            )}
            {job.failureRow && <FailureRow row={job.failureRow} />}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** The first row a failed run found no longer passing, in the user's language. */
function FailureRow({ row }: { row: NonNullable<ImportJob['failureRow']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useRowErrorText();
  const values = {
    count: format.number(row.count),
    kind: t(`imports.kind.${row.kind}`),
    line: format.number(row.line),
    sheet: row.sheet,
    error: errorText({ field: row.field, code: row.code, message: row.code }),
  };
  return (
    <Text size="sm">
      {row.sheet === null
        ? t('imports.failureRow', values)
        : t('imports.failureRowInSheet', values)}
    </Text>
  );
}
