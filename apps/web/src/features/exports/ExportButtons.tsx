import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stringifyReadableSearch } from '../commitments/search';

export type ExportName = 'commitments' | 'indicators' | 'reports' | 'dashboard';
type ExportFormat = 'xlsx' | 'csv';

/** The download URL of an export, with the page's filters and the language on screen. */
export function exportHref(
  slug: string,
  name: ExportName,
  format: ExportFormat,
  query: object,
  lang: string,
): string {
  return (
    `/api/workspaces/${encodeURIComponent(slug)}/exports/${name}.${format}` +
    stringifyReadableSearch({ ...query, lang })
  );
}

/**
 * "Export Excel" and "Export CSV" of what the page shows: links the browser downloads as files
 * (the API names them), so a large export streams straight to disk.
 */
export function ExportButtons({
  slug,
  name,
  query = {},
  label,
  className,
}: {
  slug: string;
  name: ExportName;
  /** The page's filters, as the export route takes them. */
  query?: object;
  /** What is exported, for assistive technology ("the commitments list"). */
  label: string;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Group
      gap="sm"
      role="group"
      aria-label={t('exports.group', { what: label })}
      className={className}
    >
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={exportHref(slug, name, format, query, i18n.language)}
          download
          variant="default"
        >
          {t(`exports.${format}`)}
        </Button>
      ))}
    </Group>
  );
}
