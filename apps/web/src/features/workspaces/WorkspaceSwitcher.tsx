import { lazy, Suspense, useState } from 'react';
import { Badge, Button, Menu, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/queries';
import { landingPage } from './landing';

// Opened rarely: loaded when asked for, not with every page.
const CreateWorkspaceDialog = lazy(() =>
  import('./CreateWorkspaceDialog').then((module) => ({ default: module.CreateWorkspaceDialog })),
);

/** The workspaces the user belongs to, with their role in each; and creating a new one. */
export function WorkspaceSwitcher({ currentSlug }: { currentSlug: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const memberships = me.data?.memberships ?? [];
  const current = memberships.find((item) => item.workspace.slug === currentSlug);

  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            variant="light"
            size="compact-md"
            // The workspace's name is read whole; on a phone the role is left to the menu.
            styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible' } }}
            rightSection={<span aria-hidden="true">▾</span>}
            aria-label={
              current
                ? t('workspaces.switcher.current', {
                    name: current.workspace.name,
                    role: t(`role.${current.role}`),
                  })
                : t('workspaces.switcher.choose')
            }
          >
            {current ? (
              <>
                <Text span fw={600} size="sm">
                  {current.workspace.name}
                </Text>{' '}
                <Badge
                  ml={4}
                  size="sm"
                  variant="filled"
                  data-testid="current-role"
                  visibleFrom="sm"
                >
                  {t(`role.${current.role}`)}
                </Badge>
              </>
            ) : (
              t('workspaces.switcher.choose')
            )}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('workspaces.switcher.label')}</Menu.Label>
          {memberships.map((membership) => (
            <Menu.Item
              key={membership.workspace.id}
              onClick={() =>
                void navigate({
                  to: landingPage(membership.role),
                  params: { slug: membership.workspace.slug },
                })
              }
              aria-current={membership.workspace.slug === currentSlug ? 'true' : undefined}
              rightSection={
                <Badge size="xs" variant="light">
                  {t(`role.${membership.role}`)}
                </Badge>
              }
            >
              {membership.workspace.name}
            </Menu.Item>
          ))}
          {memberships.length > 0 && <Menu.Divider />}
          <Menu.Item onClick={() => setCreating(true)}>{t('workspaces.create.open')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {creating && (
        <Suspense>
          <CreateWorkspaceDialog opened onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </>
  );
}
