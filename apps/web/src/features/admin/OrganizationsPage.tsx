import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CONSTITUENCIES, type Constituency } from '@spct/contracts';
import { ApiError, fieldErrors } from '../../api/client';
import type { Organization } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { EmptyState, QueryState } from '../layout/states';
import { organizationsQuery } from '../organizations/queries';
import { AdminFrame } from './AdminFrame';
import { useDeleteOrganization, useSaveOrganization } from './queries';

/** `/w/$slug/admin/organizations`: the constituent bodies of the workspace. */
export function OrganizationsPage() {
  const { slug } = useParams({ from: '/_authenticated/w/$slug/admin/organizations' });
  return (
    <AdminFrame slug={slug}>
      <Organizations slug={slug} />
    </AdminFrame>
  );
}

/** `null`: closed; `'new'`: creating; an organization: editing it. */
type Editing = Organization | 'new' | null;

function Organizations({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(organizationsQuery(slug));
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Organization | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('admin.organizations.title')}
        </Title>
        <Button onClick={() => setEditing('new')}>{t('admin.organizations.create')}</Button>
      </Group>
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
      <Modal
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
      </Modal>
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
  const errors = fieldErrors(save.error);
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        id: organization?.id,
        body: {
          shortName: shortName.trim(),
          name: { vi: nameVi.trim(), en: nameEn.trim() },
          constituency,
        },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {save.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" variant="light" role="alert">
            {conflict ? t('admin.organizations.duplicate') : save.error.message}
          </Alert>
        )}
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
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
  return (
    <Modal
      opened={organization !== null}
      onClose={close}
      title={t('admin.organizations.deleteTitle')}
    >
      {organization && (
        <Stack gap="md">
          <Text>{t('admin.organizations.deleteConfirm', { name: organization.shortName })}</Text>
          {remove.isError && (
            <Alert color="red" variant="light" role="alert">
              {inUse ? t('admin.organizations.inUse') : remove.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              disabled={inUse}
              onClick={() => remove.mutate(organization.id, { onSuccess: close })}
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
