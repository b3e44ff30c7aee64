import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The document title of a page: "<page> — <app>", in the interface language. */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} — ${appName}` : appName;
  }, [title, appName]);
}
