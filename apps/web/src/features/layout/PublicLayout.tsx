import { useEffect, type ReactNode } from 'react';
import { Container, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the pages one opens without a session (sign-in, set password). */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${title} — ${appName}`;
  }, [title, appName]);
  return (
    <Container size={440} py="xl">
      <Stack gap="lg">
        <Group justify="space-between" wrap="nowrap" align="center">
          <Text fw={700}>{appName}</Text>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="xs" p="lg" radius="md" component="main" id="main">
          {children}
        </Paper>
      </Stack>
    </Container>
  );
}
