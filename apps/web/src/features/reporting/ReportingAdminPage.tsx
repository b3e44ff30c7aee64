import { useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REPORTING_CADENCES, type ReportingCadence } from '@spct/contracts';
import { fieldErrors } from '../../api/client';
import type { ReportingCalendar, ReportingPeriod } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { reportingAdminRoute } from '../../router';
import { SaveProblem } from '../admin/AdminParts';
import { ConfirmDialog, ErrorAlert, FormActions } from '../layout/FormParts';
import { EmptyState, QueryState } from '../layout/states';
import { usePageTitle } from '../layout/usePageTitle';
import { calendarQuery, periodsQuery, usePeriodState, useSaveCalendar } from './queries';

/** `/w/$slug/admin/reporting`: the reporting calendar and the periods an administrator closes. */
export function ReportingAdminPage() {
  const { slug } = reportingAdminRoute.useParams();
  const { t } = useTranslation();
  usePageTitle(t('admin.reporting.title'));
  const calendar = useQuery(calendarQuery(slug));
  return (
    <Stack gap="xl">
      <section aria-labelledby="calendar-heading">
        <Text component="h2" id="calendar-heading" fw={700} fz="h3" mb="sm">
          {t('admin.reporting.calendar')}
        </Text>
        <QueryState query={calendar}>
          {(stored) => <CalendarForm key={stored.version} slug={slug} stored={stored} />}
        </QueryState>
      </section>
      <section aria-labelledby="periods-heading">
        <Text component="h2" id="periods-heading" fw={700} fz="h3" mb="sm">
          {t('admin.reporting.periods')}
        </Text>
        <Periods slug={slug} />
      </section>
    </Stack>
  );
}

function CalendarForm({ slug, stored }: { slug: string; stored: ReportingCalendar }) {
  const { t } = useTranslation();
  const save = useSaveCalendar(slug);
  const [values, setValues] = useState({
    cadence: stored.cadence,
    dueDays: stored.dueDays as number | string,
    timeZone: stored.timeZone,
  });
  const [saved, setSaved] = useState(false);
  const errors = fieldErrors(save.error);

  const send = (version: number) => {
    setSaved(false);
    save.mutate(
      {
        version,
        body: { ...values, dueDays: Number(values.dueDays) },
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(stored.version);
  };
  const label = (cadence: ReportingCadence) => t(`cadence.${cadence}`);

  return (
    <form onSubmit={submit} aria-labelledby="calendar-heading">
      <Stack gap="sm" maw={480}>
        <SaveProblem<ReportingCalendar>
          error={save.error}
          busy={save.isPending}
          duplicateMessage={t('admin.reporting.saveFailed')}
          rowsFor={(theirs) => [
            {
              label: t('admin.reporting.cadence'),
              mine: label(values.cadence),
              theirs: label(theirs.cadence),
            },
            {
              label: t('admin.reporting.dueDays'),
              mine: String(values.dueDays),
              theirs: String(theirs.dueDays),
            },
            {
              label: t('admin.reporting.timeZone'),
              mine: values.timeZone,
              theirs: theirs.timeZone,
            },
          ]}
          onReapply={(theirs) => send(theirs.version)}
          onKeepTheirs={(theirs) => {
            setValues({
              cadence: theirs.cadence,
              dueDays: theirs.dueDays,
              timeZone: theirs.timeZone,
            });
            save.reset();
          }}
        />
        <NativeSelect
          label={t('admin.reporting.cadence')}
          description={t('admin.reporting.cadenceHint')}
          value={values.cadence}
          onChange={(event) =>
            setValues({ ...values, cadence: event.currentTarget.value as ReportingCadence })
          }
          data={REPORTING_CADENCES.map((value) => ({ value, label: label(value) }))}
        />
        <NumberInput
          label={t('admin.reporting.dueDays')}
          description={t('admin.reporting.dueDaysHint')}
          min={0}
          max={365}
          allowDecimal={false}
          value={values.dueDays}
          onChange={(value) => setValues({ ...values, dueDays: value })}
          error={errors.dueDays && t('admin.reporting.dueDaysInvalid')}
        />
        <TextInput
          label={t('admin.reporting.timeZone')}
          description={t('admin.reporting.timeZoneHint')}
          value={values.timeZone}
          onChange={(event) => setValues({ ...values, timeZone: event.currentTarget.value })}
          error={errors.timeZone && t('admin.reporting.timeZoneInvalid')}
        />
        {saved && (
          <Text role="status" c="teal.9" size="sm">
            {t('admin.reporting.saved')}
          </Text>
        )}
        <div>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function Periods({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const periods = useQuery(periodsQuery(slug));
  const [closing, setClosing] = useState<ReportingPeriod | null>(null);
  const [reopening, setReopening] = useState<ReportingPeriod | null>(null);
  const change = usePeriodState(slug);
  const close = () => {
    setClosing(null);
    setReopening(null);
    change.reset();
  };

  return (
    <QueryState query={periods}>
      {(rows) =>
        rows.length === 0 ? (
          <EmptyState message={t('admin.reporting.noPeriods')} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="sm">
                <Table.Caption>{t('admin.reporting.periodsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.reporting.period')}</Table.Th>
                    <Table.Th>{t('admin.reporting.dates')}</Table.Th>
                    <Table.Th>{t('admin.reporting.due')}</Table.Th>
                    <Table.Th>{t('admin.reporting.state')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((period) => (
                    <Table.Tr key={period.id}>
                      <Table.Th scope="row">
                        {period.key}
                        {period.current && (
                          <Badge ml="xs" variant="light" color="blue">
                            {t('admin.reporting.current')}
                          </Badge>
                        )}
                      </Table.Th>
                      <Table.Td>
                        {t('admin.reporting.range', {
                          from: format.date(period.startsOn),
                          to: format.date(period.endsOn),
                        })}
                      </Table.Td>
                      <Table.Td>{format.date(period.dueOn)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {t(`periodState.${period.state}`)}
                        </Text>
                        {period.state === 'CLOSED' && period.closedAt && (
                          <Text size="xs" c="dimmed">
                            {t('admin.reporting.closedBy', {
                              name: period.closedBy?.displayName ?? '–',
                              when: format.dateTime(period.closedAt),
                            })}
                          </Text>
                        )}
                        {period.state === 'OPEN' && period.reopenReason && (
                          <Text size="xs" c="dimmed">
                            {t('admin.reporting.reopenedBy', {
                              name: period.reopenedBy?.displayName ?? '–',
                              reason: period.reopenReason,
                            })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {period.state === 'OPEN' ? (
                          <Button
                            size="xs"
                            variant="outline"
                            color="red.9"
                            onClick={() => setClosing(period)}
                            aria-label={t('admin.reporting.closeNamed', { period: period.key })}
                          >
                            {t('admin.reporting.close')}
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setReopening(period)}
                            aria-label={t('admin.reporting.reopenNamed', { period: period.key })}
                          >
                            {t('admin.reporting.reopen')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ConfirmDialog
              opened={closing !== null}
              title={t('admin.reporting.closeTitle', { period: closing?.key })}
              message={t('admin.reporting.closeMessage', { period: closing?.key })}
              confirmLabel={t('admin.reporting.close')}
              color="red"
              busy={change.isPending}
              onClose={close}
              onConfirm={() => change.mutate({ id: closing!.id }, { onSuccess: close })}
            >
              {change.error && <ErrorAlert>{change.error.message}</ErrorAlert>}
            </ConfirmDialog>
            <Modal
              opened={reopening !== null}
              onClose={close}
              title={t('admin.reporting.reopenTitle', { period: reopening?.key })}
            >
              {reopening && (
                <ReopenForm
                  busy={change.isPending}
                  error={change.error}
                  onCancel={close}
                  onReopen={(reason) =>
                    change.mutate({ id: reopening.id, reopenReason: reason }, { onSuccess: close })
                  }
                />
              )}
            </Modal>
          </>
        )
      }
    </QueryState>
  );
}

function ReopenForm({
  busy,
  error,
  onCancel,
  onReopen,
}: {
  busy: boolean;
  error: Error | null;
  onCancel: () => void;
  onReopen: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const errors = fieldErrors(error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onReopen(reason.trim());
      }}
    >
      <Stack gap="md">
        {error && Object.keys(errors).length === 0 && <ErrorAlert>{error.message}</ErrorAlert>}
        <Textarea
          label={t('admin.reporting.reason')}
          description={t('admin.reporting.reasonHint')}
          required
          data-autofocus
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason ? t('admin.reporting.reasonRequired') : undefined}
        />
        <FormActions submitLabel={t('admin.reporting.reopen')} busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
