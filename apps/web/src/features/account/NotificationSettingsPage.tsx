import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_NOTIFICATION_KINDS,
  EMAIL_DIGEST_MODES,
  type EmailDigestMode,
  type NotificationKind,
} from '@spct/contracts';
import type { NotificationPreferences } from '../../api/types';
import { ErrorState, LoadingState } from '../layout/states';
import { usePageTitle } from '../layout/usePageTitle';
import { notificationPreferencesQuery, useSaveNotificationPreferences } from './queries';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const isActivity = (kind: NotificationKind) =>
  (ACTIVITY_NOTIFICATION_KINDS as readonly NotificationKind[]).includes(kind);

/** `/account/notifications`: per kind of event, in the app and by e-mail, and the e-mail digest. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notificationSettings.title'));
  const query = useQuery(notificationPreferencesQuery());
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1}>{t('notificationSettings.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('notificationSettings.intro')}
        </Text>
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <SettingsForm saved={query.data} />
      )}
    </Stack>
  );
}

function SettingsForm({ saved }: { saved: NotificationPreferences }) {
  const { t } = useTranslation();
  const save = useSaveNotificationPreferences();
  const form = useForm({ initialValues: saved });
  const values = form.getValues();
  const submit = form.onSubmit((body) =>
    save.mutate(body, { onSuccess: (next) => form.resetDirty(next) }),
  );

  return (
    <form onSubmit={submit}>
      <Stack gap="lg">
        <Stack gap="xs" role="group" aria-label={t('notificationSettings.kindsCaption')}>
          {values.kinds.map((entry, index) => {
            const name = t(`notificationSettings.kind.${entry.kind}`);
            return (
              <Paper key={entry.kind} withBorder p="sm" radius="sm">
                <Group justify="space-between" gap="sm">
                  <div style={{ flex: '1 1 14rem' }}>
                    <Text fw={500} size="sm">
                      {name}
                    </Text>
                    {isActivity(entry.kind) && (
                      <Text size="xs" c="dimmed">
                        {t('notificationSettings.inDigest')}
                      </Text>
                    )}
                  </div>
                  <Group gap="md">
                    <Checkbox
                      label={t('notificationSettings.inApp')}
                      aria-label={t('notificationSettings.inAppOf', { kind: name })}
                      {...form.getInputProps(`kinds.${index}.inApp`, { type: 'checkbox' })}
                    />
                    <Checkbox
                      label={t('notificationSettings.email')}
                      aria-label={t('notificationSettings.emailOf', { kind: name })}
                      {...form.getInputProps(`kinds.${index}.email`, { type: 'checkbox' })}
                    />
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>

        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('notificationSettings.digestTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('notificationSettings.digestIntro')}
          </Text>
          <Group gap="md" align="end">
            <NativeSelect
              label={t('notificationSettings.digestMode')}
              data={EMAIL_DIGEST_MODES.map((mode: EmailDigestMode) => ({
                value: mode,
                label: t(`notificationSettings.mode.${mode}`),
              }))}
              {...form.getInputProps('digest.mode')}
            />
            {(values.digest.mode === 'DAILY' || values.digest.mode === 'WEEKLY') && (
              <NativeSelect
                label={t('notificationSettings.hour')}
                data={HOURS.map((hour) => ({
                  value: String(hour),
                  label: `${String(hour).padStart(2, '0')}:00`,
                }))}
                value={String(values.digest.hour)}
                onChange={(event) =>
                  form.setFieldValue('digest.hour', Number(event.currentTarget.value))
                }
              />
            )}
            {values.digest.mode === 'WEEKLY' && (
              <NativeSelect
                label={t('notificationSettings.weekday')}
                data={WEEKDAYS.map((day) => ({
                  value: day,
                  label: t(`notificationSettings.weekdays.${day}`),
                }))}
                value={String(values.digest.weekday)}
                onChange={(event) =>
                  form.setFieldValue('digest.weekday', Number(event.currentTarget.value))
                }
              />
            )}
          </Group>
        </Stack>

        {save.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('notificationSettings.saveFailed')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('notificationSettings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
