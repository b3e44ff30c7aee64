import { useState, type FormEvent } from 'react';
import {
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/usePageTitle';
import { CONSTITUENCIES, type Constituency } from '@spct/contracts';
import { ApiError, fieldErrors } from '../../api/client';
import { staleCurrent } from '../../api/concurrency';
import type { Organization } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { EmptyState, QueryState } from '../layout/states';
import { organizationsQuery } from '../organizations/queries';
import { organizationsRoute } from '../../router';
import { ConfirmDialog, ErrorAlert, FormActions } from '../layout/FormParts';
import { FormModal, useFormModal } from '../layout/UnsavedChanges';
import { SaveProblem, SectionHeader } from './AdminParts';
import { useDeleteOrganization, useSaveOrganization } from './queries';
import { StaleAlert, type StaleRow } from './StaleAlert';

/** `/w/$slug/admin/organizations`: the constituent bodies of the workspace. */
export function OrganizationsPage() {
  const { slug } = organizationsRoute.useParams();
  return <Organizations slug={slug} />;
}

/** `null`: closed; `'new'`: creating; an organization: editing it. */
type Editing = Organization | 'new' | null;

function Organizations({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('admin.organizations.title'));
  const query = useQuery(organizationsQuery(slug));
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Organization | null>(null);

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('admin.organizations.title')}
        action={
          <Button onClick={() => setEditing('new')}>{t('admin.organizations.create')}</Button>
        }
      />
      <QueryState query={query}>
        {(organizations) =>
          organizations.length === 0 ? (
            <EmptyState message={t('admin.organizations.empty')} />
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="sm">
                <Table.Caption>{t('admin.organizations.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.organizations.shortName')}</Table.Th>
                    <Table.Th>{t('admin.organizations.name')}</Table.Th>
                    <Table.Th>{t('admin.organizations.constituency')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {organizations.map((organization) => (
                    <Table.Tr key={organization.id}>
                      <Table.Td fw={600}>{organization.shortName}</Table.Td>
                      <Table.Td>{format.text(organization.name)}</Table.Td>
                      <Table.Td>{t(`constituency.${organization.constituency}`)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing(organization)}
                            aria-label={t('admin.organizations.editNamed', {
                              name: organization.shortName,
                            })}
                          >
                            {t('common.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="outline"
                            color="red"
                            onClick={() => setDeleting(organization)}
                            aria-label={t('admin.organizations.deleteNamed', {
                              name: organization.shortName,
                            })}
                          >
                            {t('common.delete')}
                          </Button>
                        </Group>
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
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('admin.organizations.create') : t('admin.organizations.edit')}
      >
        {editing !== null && (
          <OrganizationForm
            slug={slug}
            organization={editing === 'new' ? null : editing}
            onClose={() => setEditing(null)}
          />
        )}
      </FormModal>
      <DeleteOrganizationDialog
        slug={slug}
        organization={deleting}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

function OrganizationForm({
  slug,
  organization,
  onClose,
}: {
  slug: string;
  organization: Organization | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveOrganization(slug);
  const [shortName, setShortName] = useState(organization?.shortName ?? '');
  const [nameVi, setNameVi] = useState(organization?.name.vi ?? '');
  const [nameEn, setNameEn] = useState(organization?.name.en ?? '');
  const [constituency, setConstituency] = useState<Constituency>(
    organization?.constituency ?? 'GOVERNMENT',
  );
  /** The version the edit is based on: the loaded one, or the stored one the user accepted. */
  const [version, setVersion] = useState(organization?.version ?? 1);
  const errors = fieldErrors(save.error);
  const { cancel, saved } = useFormModal(
    shortName !== (organization?.shortName ?? '') ||
      nameVi !== (organization?.name.vi ?? '') ||
      nameEn !== (organization?.name.en ?? '') ||
      constituency !== (organization?.constituency ?? 'GOVERNMENT'),
    onClose,
  );

  const send = (basedOn: number) => {
    setVersion(basedOn);
    save.mutate(
      {
        organization: organization ? { id: organization.id, version: basedOn } : undefined,
        body: {
          shortName: shortName.trim(),
          name: { vi: nameVi.trim(), en: nameEn.trim() },
          constituency,
        },
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
  const keepTheirs = (current: Organization) => {
    setShortName(current.shortName);
    setNameVi(current.name.vi);
    setNameEn(current.name.en);
    setConstituency(current.constituency);
    setVersion(current.version);
    save.reset();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SaveProblem<Organization>
          error={save.error}
          rowsFor={(stored) =>
            organizationRows(
              {
                shortName: shortName.trim(),
                name: { vi: nameVi.trim(), en: nameEn.trim() },
                constituency,
              },
              stored,
              t,
            )
          }
          duplicateMessage={t('admin.organizations.duplicate')}
          busy={save.isPending}
          onReapply={(stored) => send(stored.version)}
          onKeepTheirs={keepTheirs}
        />
        <TextInput
          label={t('admin.organizations.shortName')}
          required
          data-autofocus
          value={shortName}
          onChange={(event) => setShortName(event.currentTarget.value)}
          error={errors.shortName}
        />
        <TextInput
          label={t('admin.organizations.nameVi')}
          required
          lang="vi"
          value={nameVi}
          onChange={(event) => setNameVi(event.currentTarget.value)}
          error={errors['name.vi'] ?? errors.name}
        />
        <TextInput
          label={t('admin.organizations.nameEn')}
          required
          lang="en"
          value={nameEn}
          onChange={(event) => setNameEn(event.currentTarget.value)}
          error={errors['name.en']}
        />
        <NativeSelect
          label={t('admin.organizations.constituency')}
          value={constituency}
          onChange={(event) => setConstituency(event.currentTarget.value as Constituency)}
          error={errors.constituency}
          data={CONSTITUENCIES.map((value) => ({ value, label: t(`constituency.${value}`) }))}
        />
        <FormActions submitLabel={t('common.save')} busy={save.isPending} onCancel={cancel} />
      </Stack>
    </form>
  );
}

type OrganizationValues = Pick<Organization, 'shortName' | 'name' | 'constituency'>;

/** The fields whose values differ between `mine` and the stored organization `theirs`. */
function organizationRows(
  mine: OrganizationValues,
  theirs: Organization,
  t: TFunction,
): StaleRow[] {
  const rows: StaleRow[] = [
    {
      label: t('admin.organizations.shortName'),
      mine: mine.shortName,
      theirs: theirs.shortName,
    },
    { label: t('admin.organizations.nameVi'), mine: mine.name.vi, theirs: theirs.name.vi },
    { label: t('admin.organizations.nameEn'), mine: mine.name.en, theirs: theirs.name.en },
    {
      label: t('admin.organizations.constituency'),
      mine: t(`constituency.${mine.constituency}`),
      theirs: t(`constituency.${theirs.constituency}`),
    },
  ];
  return rows.filter((row) => row.mine !== row.theirs);
}

function DeleteOrganizationDialog({
  slug,
  organization,
  onClose,
}: {
  slug: string;
  organization: Organization | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteOrganization(slug);
  const close = () => {
    remove.reset();
    onClose();
  };
  const inUse = remove.error instanceof ApiError && remove.error.status === 409;
  const stale = staleCurrent<Organization>(remove.error);
  // What changed since the user chose to delete: the organization as loaded vs as stored.
  return (
    <ConfirmDialog
      opened={organization !== null}
      title={t('admin.organizations.deleteTitle')}
      message={t('admin.organizations.deleteConfirm', { name: organization?.shortName ?? '' })}
      confirmLabel={t('common.delete')}
      color="red"
      busy={remove.isPending}
      disabled={inUse || stale !== null}
      onClose={close}
      onConfirm={() => organization && remove.mutate(organization, { onSuccess: close })}
    >
      {stale ? (
        <StaleAlert
          version={stale.version}
          rows={organizationRows(organization ?? EMPTY, stale, t)}
          busy={remove.isPending}
          reapplyLabel={t('admin.organizations.deleteAnyway')}
          onReapply={() => remove.mutate(stale, { onSuccess: close })}
          onKeepTheirs={close}
        />
      ) : (
        remove.isError && (
          <ErrorAlert>{inUse ? t('admin.organizations.inUse') : remove.error.message}</ErrorAlert>
        )
      )}
    </ConfirmDialog>
  );
}

const EMPTY: OrganizationValues = {
  shortName: '',
  name: { vi: '', en: '' },
  constituency: 'OTHER',
};
