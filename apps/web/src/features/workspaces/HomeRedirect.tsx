import { useState } from 'react';
import { Button } from '@mantine/core';
import { Navigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/queries';
import { EmptyState, QueryState } from '../layout/states';
import { CreateWorkspaceDialog } from './CreateWorkspaceDialog';
import { landingPage } from './landing';

/** `/` opens the first workspace of the user, or offers to create one. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const query = useMe();
  const [creating, setCreating] = useState(false);
  return (
    <QueryState query={query}>
      {(me) => {
        const first = me.memberships[0];
        return first ? (
          <Navigate to={landingPage(first.role)} params={{ slug: first.workspace.slug }} replace />
        ) : (
          <>
            <EmptyState
              message={t('workspaces.empty')}
              action={
                <Button onClick={() => setCreating(true)}>{t('workspaces.create.open')}</Button>
              }
            />
            <CreateWorkspaceDialog opened={creating} onClose={() => setCreating(false)} />
          </>
        );
      }}
    </QueryState>
  );
}
