import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { FormActions } from '../layout/FormParts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { editCommitmentRoute } from '../../router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/usePageTitle';
import type { CommitmentDetail } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { useMembership } from '../auth/useMembership';
import { commitmentKeys, commitmentQuery } from '../commitments/queries';
import { NotAllowedPage } from '../layout/NotAllowedPage';
import { LoadingState, QueryState } from '../layout/states';
import { ConflictView } from './ConflictView';
import { CommitmentFormFields, showApiErrors, useCommitmentForm } from './CommitmentFormFields';
import { staleCurrent } from '../../api/concurrency';
import { useUpdateCommitment } from './queries';
import { useUnsavedChanges } from '../layout/UnsavedChanges';
import { type CommitmentFormValues, conflictRows, patchOf, reapply, valuesOf } from './values';
import { commitmentResource } from '../auth/permissions';

/** `/w/$slug/commitments/$commitmentId/edit`: edits the commitment as loaded, with If-Match. */
export function EditCommitmentPage() {
  const { slug, commitmentId } = editCommitmentRoute.useParams();
  const query = useQuery({ ...commitmentQuery(slug, commitmentId), refetchOnWindowFocus: false });
  const access = useMembership(slug);
  return (
    <QueryState query={query}>
      {(commitment) => {
        if (!access.membership) return <LoadingState />;
        const allowed = access.can('commitment.edit', commitmentResource(commitment));
        if (!allowed || commitment.archived) return <NotAllowedPage />;
        return <EditCommitment slug={slug} loaded={commitment} />;
      }}
    </QueryState>
  );
}

/** The state the form started from: what "my changes" are measured against. */
interface Base {
  values: CommitmentFormValues;
  version: number;
}

/** Two people edited at once: what the other person saved. */
interface Conflict {
  current: CommitmentDetail;
  mine: CommitmentFormValues;
}

function EditCommitment({ slug, loaded }: { slug: string; loaded: CommitmentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(
    t('commitmentForm.editTitle', { label: `${loaded.framework.code} ${loaded.reference}` }),
  );
  const update = useUpdateCommitment(slug, loaded.id);
  const [base, setBase] = useState<Base>(() => ({
    values: valuesOf(loaded),
    version: loaded.version,
  }));
  const form = useCommitmentForm(base.values);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [confirmReapply, setConfirmReapply] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const label = `${loaded.framework.code} ${loaded.reference}`;
  const guard = useUnsavedChanges(form.isDirty() && !conflict);

  const backToDetail = () =>
    void navigate({
      to: '/w/$slug/commitments/$commitmentId',
      params: { slug, commitmentId: loaded.id },
    });

  const save = (from: Base, values: CommitmentFormValues) => {
    const body = patchOf(from.values, values);
    if (Object.keys(body).length === 0) {
      backToDetail();
      return;
    }
    setUnplaced([]);
    setNotice(null);
    update.mutate(
      { version: from.version, body },
      {
        onSuccess: () => {
          guard.release();
          backToDetail();
        },
        onError: (error) => {
          const current = staleCurrent<CommitmentDetail>(error);
          if (current) {
            queryClient.setQueryData(commitmentKeys.detail(slug, current.id), current);
            setConflict({ current, mine: values });
            return;
          }
          setUnplaced(showApiErrors(form, error, t));
        },
      },
    );
  };

  const reapplyMine = () => {
    if (!conflict) return;
    const theirs = valuesOf(conflict.current);
    const next: Base = { values: theirs, version: conflict.current.version };
    const values = reapply(base.values, conflict.mine, theirs);
    setBase(next);
    form.setValues(values);
    setConfirmReapply(false);
    setConflict(null);
    save(next, values);
  };

  const discardMine = () => {
    if (!conflict) return;
    const theirs = valuesOf(conflict.current);
    setBase({ values: theirs, version: conflict.current.version });
    form.setValues(theirs);
    form.clearErrors();
    update.reset();
    setConflict(null);
    setNotice(t('commitmentForm.conflict.discarded', { version: conflict.current.version }));
  };

  const showGeneralError =
    update.isError && !conflict && (unplaced.length > 0 || Object.keys(form.errors).length === 0);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('commitmentForm.editTitle', { label })}</Title>
        <Text c="dimmed">{format.text(loaded.title)}</Text>
      </Stack>

      {conflict ? (
        <ConflictView
          slug={slug}
          frameworkId={loaded.frameworkId}
          current={conflict.current}
          rows={conflictRows(base.values, conflict.mine, valuesOf(conflict.current))}
          onReapply={() => setConfirmReapply(true)}
          onDiscard={discardMine}
        />
      ) : (
        <Paper withBorder p="md">
          <form
            onSubmit={form.onSubmit((values) => save(base, values))}
            noValidate
            aria-label={t('commitmentForm.editTitle', { label })}
          >
            <Stack gap="md">
              {notice && (
                <Alert color="blue" variant="light" role="status">
                  {notice}
                </Alert>
              )}
              {showGeneralError && (
                <Alert
                  color="red"
                  variant="light"
                  role="alert"
                  title={t('commitmentForm.saveFailed')}
                >
                  {unplaced.length > 0 ? unplaced.join('; ') : update.error.message}
                </Alert>
              )}
              <Text size="sm" c="dimmed">
                {t('commitmentForm.statusNote')}
              </Text>
              <CommitmentFormFields slug={slug} form={form} commitmentId={loaded.id} />
              <FormActions
                submitLabel={t('common.save')}
                busy={update.isPending}
                onCancel={() => guard.confirm(backToDetail)}
              />
            </Stack>
          </form>
        </Paper>
      )}

      {guard.dialog}
      <Modal
        opened={confirmReapply}
        onClose={() => setConfirmReapply(false)}
        title={t('commitmentForm.conflict.confirmTitle')}
      >
        <Stack gap="md">
          <Text>
            {t('commitmentForm.conflict.confirmText', {
              version: conflict?.current.version ?? '',
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmReapply(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button onClick={reapplyMine} loading={update.isPending}>
              {t('commitmentForm.conflict.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
