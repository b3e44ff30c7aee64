import { useState, type FormEvent } from 'react';
import { Alert, Modal, Stack, TextInput } from '@mantine/core';
import { FormActions } from '../layout/FormParts';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../../api/client';
import { slugify, useCreateWorkspace } from './queries';

export function CreateWorkspaceDialog({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('workspaces.create.title')}>
      {opened && <CreateWorkspaceForm onClose={onClose} />}
    </Modal>
  );
}

function CreateWorkspaceForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateWorkspace();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const effectiveSlug = slugEdited ? slug : slugify(name);
  const errors = fieldErrors(create.error);
  const conflict = create.error instanceof ApiError && create.error.status === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), slug: effectiveSlug },
      {
        onSuccess: (workspace) => {
          onClose();
          void navigate({ to: '/w/$slug', params: { slug: workspace.slug } });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {create.isError && !conflict && Object.keys(errors).length === 0 && (
          <Alert color="red" variant="light" role="alert">
            {create.error.message}
          </Alert>
        )}
        <TextInput
          label={t('workspaces.create.name')}
          required
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label={t('workspaces.create.slug')}
          description={t('workspaces.create.slugHelp')}
          required
          value={effectiveSlug}
          onChange={(event) => {
            setSlugEdited(true);
            setSlug(event.currentTarget.value);
          }}
          error={conflict ? t('workspaces.create.slugTaken') : errors.slug}
        />
        <FormActions
          submitLabel={t('workspaces.create.submit')}
          busy={create.isPending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
