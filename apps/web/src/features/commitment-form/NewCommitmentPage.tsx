import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { newCommitmentRoute } from '../../router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/usePageTitle';
import { useMembership } from '../auth/useMembership';
import { NotAllowedPage } from '../layout/NotAllowedPage';
import { LoadingState } from '../layout/states';
import { CommitmentFormFields, showApiErrors, useCommitmentForm } from './CommitmentFormFields';
import { useCreateCommitment } from './queries';
import { useUnsavedChanges } from '../layout/UnsavedChanges';
import { createBodyOf, emptyValues } from './values';

/** `/w/$slug/commitments/new`: a new commitment; on success, its page. */
export function NewCommitmentPage() {
  const { slug } = newCommitmentRoute.useParams();
  const access = useMembership(slug);
  if (!access.membership) return <LoadingState />;
  if (!access.can('commitment.create')) return <NotAllowedPage />;
  return (
    <NewCommitment
      slug={slug}
      ownOrgId={access.role === 'EDITOR' ? access.organization?.id : undefined}
    />
  );
}

function NewCommitment({ slug, ownOrgId }: { slug: string; ownOrgId: string | undefined }) {
  const { t } = useTranslation();
  const search = newCommitmentRoute.useSearch();
  const navigate = useNavigate();
  const create = useCreateCommitment(slug);
  usePageTitle(t('commitmentForm.createTitle'));
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const form = useCommitmentForm(
    emptyValues({
      frameworkId: search.frameworkId ?? '',
      parentId: search.parentId ?? '',
      // An EDITOR creates for their organization (the API refuses anything else).
      leadOrgId: ownOrgId ?? '',
    }),
  );

  const guard = useUnsavedChanges(form.isDirty());

  const submit = form.onSubmit((values) => {
    setUnplaced([]);
    create.mutate(createBodyOf(values), {
      onSuccess: (created) => {
        guard.release();
        void navigate({
          to: '/w/$slug/commitments/$commitmentId',
          params: { slug, commitmentId: created.id },
        });
      },
      onError: (error) => setUnplaced(showApiErrors(form, error, t)),
    });
  });

  const generalError =
    create.isError && (unplaced.length > 0 || Object.keys(form.errors).length === 0)
      ? [...unplaced, ...(unplaced.length === 0 ? [create.error.message] : [])]
      : [];

  return (
    <Stack gap="lg">
      <Title order={1}>{t('commitmentForm.createTitle')}</Title>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate aria-label={t('commitmentForm.createTitle')}>
          <Stack gap="md">
            {generalError.length > 0 && (
              <Alert
                color="red"
                variant="light"
                role="alert"
                title={t('commitmentForm.saveFailed')}
              >
                {generalError.join('; ')}
              </Alert>
            )}
            <CommitmentFormFields slug={slug} form={form} />
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() =>
                  guard.confirm(
                    () => void navigate({ to: '/w/$slug/commitments', params: { slug } }),
                  )
                }
              >
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('commitmentForm.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {guard.dialog}
    </Stack>
  );
}
