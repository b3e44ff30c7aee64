import { Alert, Button, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unsubscribeRoute } from '../../router';
import { PublicLayout } from '../layout/PublicLayout';
import { RouterAnchor } from '../layout/RouterAnchor';
import { LoadingState } from '../layout/states';
import { unsubscribeQuery, useUnsubscribe } from './queries';

/** Opened from an e-mail's unsubscribe link: says what it turns off, and does it on confirmation. */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const { token } = unsubscribeRoute.useSearch();
  return (
    <PublicLayout title={t('unsubscribe.title')}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('unsubscribe.title')}
        </Title>
        {token ? (
          <Unsubscribe token={token} />
        ) : (
          <Alert color="red" variant="light" role="alert">
            {t('unsubscribe.invalid')}
          </Alert>
        )}
      </Stack>
    </PublicLayout>
  );
}

function Unsubscribe({ token }: { token: string }) {
  const { t } = useTranslation();
  const info = useQuery(unsubscribeQuery(token));
  const unsubscribe = useUnsubscribe(token);
  if (info.isPending) return <LoadingState rows={2} />;
  if (info.isError)
    return (
      <Alert color="red" variant="light" role="alert">
        {t('unsubscribe.invalid')}
      </Alert>
    );
  const kinds = (
    <List size="sm">
      {info.data.kinds.map((kind) => (
        <List.Item key={kind}>{t(`notificationSettings.kind.${kind}`)}</List.Item>
      ))}
    </List>
  );
  if (info.data.unsubscribed)
    return (
      <Stack gap="sm">
        <Alert color="green" variant="light" role="status">
          {t('unsubscribe.done')}
        </Alert>
        {kinds}
        <RouterAnchor to="/account/notifications">{t('unsubscribe.settings')}</RouterAnchor>
      </Stack>
    );
  return (
    <Stack gap="sm">
      <Text>{t('unsubscribe.confirm')}</Text>
      {kinds}
      {unsubscribe.isError && (
        <Alert color="red" variant="light" role="alert">
          {t('unsubscribe.failed')}
        </Alert>
      )}
      <Button onClick={() => unsubscribe.mutate()} loading={unsubscribe.isPending}>
        {t('unsubscribe.action')}
      </Button>
    </Stack>
  );
}
