import { Navigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState, QueryState } from '../layout/states';
import { workspacesQuery } from './queries';

/** `/` opens the first workspace of the caller. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const query = useQuery(workspacesQuery());
  return (
    <QueryState query={query}>
      {(page) => {
        const first = page.items[0];
        return first ? (
          <Navigate to="/w/$slug" params={{ slug: first.slug }} replace />
        ) : (
          <EmptyState message={t('workspaces.empty')} />
        );
      }}
    </QueryState>
  );
}
