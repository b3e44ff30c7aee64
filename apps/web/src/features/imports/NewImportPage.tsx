import { useState } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { newImportRoute } from '../../router';
import { useMembership } from '../auth/useMembership';
import { NotAllowedPage } from '../layout/NotAllowedPage';
import { RouterAnchor } from '../layout/RouterAnchor';
import { usePageTitle } from '../layout/usePageTitle';
import { ImportDropZone } from './ImportDropZone';
import { encodingName } from './messages';
import { CSV_ENCODINGS, type CsvEncoding, templateHref } from './queries';
import { useImportFile } from './useImportFile';

/** `/w/$slug/imports/new`: the template to fill in, and the file to check. */
export function NewImportPage() {
  const { t } = useTranslation();
  const { slug } = newImportRoute.useParams();
  const { can } = useMembership(slug);
  usePageTitle(t('imports.title'));
  if (!can('import')) return <NotAllowedPage />;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <RouterAnchor to="/w/$slug/imports" params={{ slug }} size="sm">
          {t('imports.allImports')}
        </RouterAnchor>
        <Title order={1}>{t('imports.title')}</Title>
        <Text>{t('imports.intro')}</Text>
      </Stack>
      <TemplateLinks slug={slug} />
      <UploadStep slug={slug} />
    </Stack>
  );
}

function TemplateLinks({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-template">
      <Stack gap="sm">
        <Title order={2} size="h3" id="import-template">
          {t('imports.templateTitle')}
        </Title>
        <Text size="sm">{t('imports.templateHint')}</Text>
        <Group gap="sm" wrap="wrap">
          <Button
            component="a"
            variant="default"
            href={templateHref(slug, 'xlsx', i18n.language)}
            download
          >
            {t('imports.templateXlsx')}
          </Button>
          <Button
            component="a"
            variant="default"
            href={templateHref(slug, 'csv', i18n.language)}
            download
          >
            {t('imports.templateCsv')}
          </Button>
          <Button
            component="a"
            variant="default"
            href={templateHref(slug, 'csv', i18n.language, 'indicator')}
            download
          >
            {t('imports.templateCsvIndicators')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * Choosing (or dropping) a file sends it for the dry run, which opens the import's page. A CSV's
 * encoding is detected; when the API says the text is not in it, choosing another one checks the
 * same file again.
 */
export function UploadStep({ slug, title }: { slug: string; title?: string }) {
  const { t } = useTranslation();
  const { send, busy, sending, error } = useImportFile(slug);
  const [encoding, setEncoding] = useState<CsvEncoding | ''>('');
  const [lastFile, setLastFile] = useState<File | null>(null);
  const pick = (file: File, chosen: CsvEncoding | '') => {
    setLastFile(file);
    send(file, { encoding: chosen || undefined });
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-upload">
      <Stack gap="sm">
        <Title order={2} size="h3" id="import-upload">
          {title ?? t('imports.uploadTitle')}
        </Title>
        <ImportDropZone
          label={t('imports.fileLabel')}
          onPick={(file) => pick(file, encoding)}
          busy={busy}
          error={error}
        />
        <NativeSelect
          label={t('imports.encodingLabel')}
          description={t('imports.encodingHint')}
          data={[
            { value: '', label: encodingName(t, undefined) },
            ...CSV_ENCODINGS.map((value) => ({ value, label: encodingName(t, value) })),
          ]}
          value={encoding}
          disabled={busy}
          onChange={(event) => {
            const chosen = event.currentTarget.value as CsvEncoding | '';
            setEncoding(chosen);
            if (lastFile && error && /\.csv$/i.test(lastFile.name)) pick(lastFile, chosen);
          }}
          maw={360}
        />
        <Text size="sm" role="status">
          {sending ? t('imports.checking', { name: sending }) : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
