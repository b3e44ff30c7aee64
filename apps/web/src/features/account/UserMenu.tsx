import { lazy, Suspense, useState } from 'react';
import { Button, Menu, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@spct/contracts';
import { useLogout, useMe, useUpdateMe } from '../auth/queries';

// Opened rarely: loaded when asked for, not with every page.
const ChangePasswordDialog = lazy(() =>
  import('./ChangePasswordDialog').then((module) => ({ default: module.ChangePasswordDialog })),
);

/** The signed-in user: language (saved on the account), password, API tokens, sign-out. */
export function UserMenu() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const updateMe = useUpdateMe();
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);
  const displayName = me.data?.user.displayName ?? '';

  const chooseLanguage = (locale: Locale) => {
    const previous = i18n.resolvedLanguage;
    void i18n.changeLanguage(locale);
    updateMe.mutate(
      { locale },
      {
        onError: () => {
          if (previous) void i18n.changeLanguage(previous);
        },
      },
    );
  };

  const signOut = () => {
    logout.mutate(undefined, {
      onSettled: () =>
        void navigate({ to: '/sign-in', replace: true }).finally(() => queryClient.clear()),
    });
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="subtle"
            size="compact-md"
            miw={0}
            rightSection={<span aria-hidden="true">▾</span>}
            aria-label={t('account.menu', { name: displayName })}
          >
            {/* Cut with an ellipsis where the header is narrow (a phone), not mid-letter. */}
            <Text span inherit truncate="end">
              {displayName}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{me.data?.user.email}</Menu.Label>
          <Menu.Label>{t('nav.language')}</Menu.Label>
          {LOCALES.map((locale) => {
            const active = i18n.resolvedLanguage === locale;
            return (
              <Menu.Item
                key={locale}
                aria-current={active ? 'true' : undefined}
                lang={locale}
                onClick={() => chooseLanguage(locale)}
                leftSection={<span aria-hidden="true">{active ? '✓' : ' '}</span>}
              >
                {t(`language.${locale}`)}
              </Menu.Item>
            );
          })}
          <Menu.Divider />
          <Menu.Item onClick={() => setChangingPassword(true)}>
            {t('account.changePassword')}
          </Menu.Item>
          <Menu.Item onClick={() => void navigate({ to: '/account/notifications' })}>
            {t('account.notificationSettings')}
          </Menu.Item>
          <Menu.Item onClick={() => void navigate({ to: '/account/tokens' })}>
            {t('account.tokens.title')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={signOut}>{t('account.signOut')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {changingPassword && (
        <Suspense>
          <ChangePasswordDialog opened onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
    </>
  );
}
