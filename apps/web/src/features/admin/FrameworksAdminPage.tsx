import { useState, type FormEvent } from 'react';
import {
  Button,
  SimpleGrid,
  Stack,
  Table,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/usePageTitle';
import { fieldErrors } from '../../api/client';
import type { Framework, FrameworkBody } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { frameworksQuery } from '../frameworks/queries';
import { EmptyState, QueryState } from '../layout/states';
import { FormActions } from '../layout/FormParts';
import { DateField } from '../layout/DateField';
import { bilingual } from '../layout/bilingual';
import { FormModal, useFormModal } from '../layout/UnsavedChanges';
import { SaveProblem, SectionHeader } from './AdminParts';
import { useSaveFramework } from './queries';
import { frameworksAdminRoute } from '../../router';
import { type StaleRow } from './StaleAlert';

/** `/w/$slug/admin/frameworks`: the source documents (frameworks) of the workspace. */
export function FrameworksAdminPage() {
  const { slug } = frameworksAdminRoute.useParams();
  return <Frameworks slug={slug} />;
}

/** `null`: closed; `'new'`: creating; a framework: editing it. */
type Editing = Framework | 'new' | null;

function Frameworks({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('admin.frameworks.title'));
  const { edit } = frameworksAdminRoute.useSearch();
  const navigate = useNavigate();
  const query = useQuery(frameworksQuery(slug));
  const [editing, setEditing] = useState<Editing>(null);
  // Opened from a link (`?edit=<id>`): the framework of that id, once the list is loaded.
  const linked = edit ? (query.data?.items.find((f) => f.id === edit) ?? null) : null;
  const current: Editing = editing ?? linked;
  const close = () => {
    setEditing(null);
    if (edit) {
      void navigate({
        to: '/w/$slug/admin/frameworks',
        params: { slug },
        search: {},
        replace: true,
      });
    }
  };

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('admin.frameworks.title')}
        action={<Button onClick={() => setEditing('new')}>{t('admin.frameworks.create')}</Button>}
      />
      <QueryState query={query}>
        {({ items: frameworks }) =>
          frameworks.length === 0 ? (
            <EmptyState message={t('admin.frameworks.empty')} />
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing="sm">
                <Table.Caption>{t('admin.frameworks.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.frameworks.code')}</Table.Th>
                    <Table.Th>{t('admin.frameworks.frameworkTitle')}</Table.Th>
                    <Table.Th>{t('admin.frameworks.issuer')}</Table.Th>
                    <Table.Th>{t('admin.frameworks.adoptedOn')}</Table.Th>
                    <Table.Th ta="right">{t('admin.frameworks.commitments')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {frameworks.map((framework) => (
                    <Table.Tr key={framework.id}>
                      <Table.Td fw={600}>{framework.code}</Table.Td>
                      <Table.Td>{format.text(framework.title)}</Table.Td>
                      <Table.Td>{format.text(framework.issuer) || t('common.none')}</Table.Td>
                      <Table.Td>
                        {framework.adoptedOn ? format.date(framework.adoptedOn) : t('common.none')}
                      </Table.Td>
                      <Table.Td ta="right">{format.number(framework.commitmentCount)}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(framework)}
                          aria-label={t('admin.frameworks.editNamed', { name: framework.code })}
                        >
                          {t('common.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <FormModal
        opened={current !== null}
        onClose={close}
        size="lg"
        title={current === 'new' ? t('admin.frameworks.create') : t('admin.frameworks.edit')}
      >
        {current !== null && (
          <FrameworkForm
            key={current === 'new' ? 'new' : current.id}
            slug={slug}
            framework={current === 'new' ? null : current}
            onClose={close}
          />
        )}
      </FormModal>
    </Stack>
  );
}

/** What the form holds: every field as text, empty for none. */
interface FrameworkValues {
  code: string;
  titleVi: string;
  titleEn: string;
  descriptionVi: string;
  descriptionEn: string;
  issuerVi: string;
  issuerEn: string;
  adoptedOn: string;
  url: string;
}

function valuesOf(framework: Framework | null): FrameworkValues {
  return {
    code: framework?.code ?? '',
    titleVi: framework?.title.vi ?? '',
    titleEn: framework?.title.en ?? '',
    descriptionVi: framework?.description?.vi ?? '',
    descriptionEn: framework?.description?.en ?? '',
    issuerVi: framework?.issuer?.vi ?? '',
    issuerEn: framework?.issuer?.en ?? '',
    adoptedOn: framework?.adoptedOn ?? '',
    url: framework?.url ?? '',
  };
}

/** The request body: trimmed, an empty optional field is `null` (none). */
function bodyOf(values: FrameworkValues): FrameworkBody {
  const text = (value: string) => value.trim() || null;
  const descriptionVi = values.descriptionVi.trim();
  const descriptionEn = values.descriptionEn.trim();
  return {
    code: values.code.trim(),
    title: { vi: values.titleVi.trim(), en: values.titleEn.trim() },
    // Both languages or none: the API explains a description in one language only.
    description: descriptionVi || descriptionEn ? { vi: descriptionVi, en: descriptionEn } : null,
    issuer: bilingual(values.issuerVi, values.issuerEn),
    adoptedOn: text(values.adoptedOn),
    url: text(values.url),
  };
}

function FrameworkForm({
  slug,
  framework,
  onClose,
}: {
  slug: string;
  framework: Framework | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveFramework(slug);
  const [values, setValues] = useState<FrameworkValues>(() => valuesOf(framework));
  /** The version the edit is based on: the loaded one, or the stored one the user accepted. */
  const [version, setVersion] = useState(framework?.version ?? 1);
  const errors = fieldErrors(save.error);
  const { cancel, saved } = useFormModal(
    JSON.stringify(values) !== JSON.stringify(valuesOf(framework)),
    onClose,
  );

  const set = (field: keyof FrameworkValues) => (value: string) =>
    setValues((previous) => ({ ...previous, [field]: value }));

  const send = (basedOn: number) => {
    setVersion(basedOn);
    save.mutate(
      {
        framework: framework ? { id: framework.id, version: basedOn } : undefined,
        body: bodyOf(values),
      },
      {
        onSuccess: () => {
          saved();
          onClose();
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(version);
  };
  const keepTheirs = (current: Framework) => {
    setValues(valuesOf(current));
    setVersion(current.version);
    save.reset();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SaveProblem<Framework>
          error={save.error}
          rowsFor={(stored) => frameworkRows(values, stored, t)}
          duplicateMessage={t('admin.frameworks.duplicate')}
          busy={save.isPending}
          onReapply={(stored) => send(stored.version)}
          onKeepTheirs={keepTheirs}
        />
        <TextInput
          label={t('admin.frameworks.code')}
          description={t('admin.frameworks.codeHint')}
          required
          data-autofocus
          maxLength={30}
          value={values.code}
          onChange={(event) => set('code')(event.currentTarget.value)}
          error={errors.code}
        />
        <TextInput
          label={t('admin.frameworks.titleVi')}
          required
          lang="vi"
          value={values.titleVi}
          onChange={(event) => set('titleVi')(event.currentTarget.value)}
          error={errors['title.vi'] ?? errors.title}
        />
        <TextInput
          label={t('admin.frameworks.titleEn')}
          required
          lang="en"
          value={values.titleEn}
          onChange={(event) => set('titleEn')(event.currentTarget.value)}
          error={errors['title.en']}
        />
        <Textarea
          label={t('admin.frameworks.descriptionVi')}
          lang="vi"
          autosize
          minRows={2}
          value={values.descriptionVi}
          onChange={(event) => set('descriptionVi')(event.currentTarget.value)}
          error={errors['description.vi'] ?? errors.description}
        />
        <Textarea
          label={t('admin.frameworks.descriptionEn')}
          lang="en"
          autosize
          minRows={2}
          value={values.descriptionEn}
          onChange={(event) => set('descriptionEn')(event.currentTarget.value)}
          error={errors['description.en']}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.frameworks.issuerVi')}
            lang="vi"
            maxLength={200}
            value={values.issuerVi}
            onChange={(event) => set('issuerVi')(event.currentTarget.value)}
            error={errors['issuer.vi'] ?? errors.issuer}
          />
          <TextInput
            label={t('admin.frameworks.issuerEn')}
            description={t('common.sameIfEmpty')}
            lang="en"
            maxLength={200}
            value={values.issuerEn}
            onChange={(event) => set('issuerEn')(event.currentTarget.value)}
            error={errors['issuer.en']}
          />
          <DateField
            label={t('admin.frameworks.adoptedOn')}
            value={values.adoptedOn}
            onChange={set('adoptedOn')}
            error={errors.adoptedOn}
          />
        </SimpleGrid>
        <TextInput
          label={t('admin.frameworks.url')}
          type="url"
          placeholder="https://"
          value={values.url}
          onChange={(event) => set('url')(event.currentTarget.value)}
          error={errors.url}
        />
        <FormActions submitLabel={t('common.save')} busy={save.isPending} onCancel={cancel} />
      </Stack>
    </form>
  );
}

/** The fields whose values differ between the user's `mine` and the stored framework `theirs`. */
function frameworkRows(mine: FrameworkValues, theirs: Framework, t: TFunction): StaleRow[] {
  const stored = valuesOf(theirs);
  const shown = (value: string) => value.trim() || t('common.none');
  const fields: [keyof FrameworkValues, string][] = [
    ['code', t('admin.frameworks.code')],
    ['titleVi', t('admin.frameworks.titleVi')],
    ['titleEn', t('admin.frameworks.titleEn')],
    ['descriptionVi', t('admin.frameworks.descriptionVi')],
    ['descriptionEn', t('admin.frameworks.descriptionEn')],
    ['issuerVi', t('admin.frameworks.issuerVi')],
    ['issuerEn', t('admin.frameworks.issuerEn')],
    ['adoptedOn', t('admin.frameworks.adoptedOn')],
    ['url', t('admin.frameworks.url')],
  ];
  return fields
    .map(([field, label]) => ({
      label,
      mine: shown(mine[field]),
      theirs: shown(stored[field]),
    }))
    .filter((row) => row.mine !== row.theirs);
}
