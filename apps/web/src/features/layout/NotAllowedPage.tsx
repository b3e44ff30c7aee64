import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './usePageTitle';
import { RouterAnchor } from './RouterAnchor';

/** Shown on a page the user's role does not allow (the API refuses it anyway). */
export function NotAllowedPage() {
  const { t } = useTranslation();
  usePageTitle(t('notAllowed.title'));
  return (
    <Stack gap="sm" py="xl" role="alert">
      <Title order={1}>{t('notAllowed.title')}</Title>
      <Text>{t('notAllowed.text')}</Text>
      <RouterAnchor to="/">{t('notFound.backHome')}</RouterAnchor>
    </Stack>
  );
}
