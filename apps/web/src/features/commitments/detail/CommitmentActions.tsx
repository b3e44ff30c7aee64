import type { TFunction } from 'i18next';
import { type ComponentPropsWithRef, useState } from 'react';
import { Alert, Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { CommitmentDetail } from '../../../api/types';
import { useMembership } from '../../auth/useMembership';
import { useArchiveCommitment } from '../../commitment-form/queries';
import { commitmentResource } from '../../auth/permissions';

function MantineButtonAnchor(props: ButtonProps & ComponentPropsWithRef<'a'>) {
  return <Button component="a" {...props} />;
}

/** A Mantine Button that is a router link. */
const ButtonLink = createLink(MantineButtonAnchor);

/** Who may change this commitment (its lead and co-responsible organizations). */
export function useCommitmentAccess(slug: string, commitment: CommitmentDetail) {
  const access = useMembership(slug);
  const resource = commitmentResource(commitment);
  return {
    canEdit: access.can('commitment.edit', resource),
    canArchive: access.can('commitment.archive', resource),
    canCreate: access.can('commitment.create'),
  };
}

/** Edit, add a sub-commitment, archive: shown only to those the server would allow. */
export function CommitmentActions({
  slug,
  commitment,
}: {
  slug: string;
  commitment: CommitmentDetail;
}) {
  const { t } = useTranslation();
  const { canEdit, canArchive, canCreate } = useCommitmentAccess(slug, commitment);
  const [confirming, setConfirming] = useState(false);
  if (commitment.archived || !(canEdit || canArchive)) return null;
  return (
    <Group gap="xs">
      {canEdit && (
        <ButtonLink
          to="/w/$slug/commitments/$commitmentId/edit"
          params={{ slug, commitmentId: commitment.id }}
        >
          {t('common.edit')}
        </ButtonLink>
      )}
      {canCreate && canEdit && (
        <ButtonLink
          variant="default"
          to="/w/$slug/commitments/new"
          params={{ slug }}
          search={{ frameworkId: commitment.frameworkId, parentId: commitment.id }}
        >
          {t('detail.addChild')}
        </ButtonLink>
      )}
      {canArchive && (
        <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
          {t('detail.archive')}
        </Button>
      )}
      <ArchiveDialog
        slug={slug}
        commitment={commitment}
        opened={confirming}
        onClose={() => setConfirming(false)}
      />
    </Group>
  );
}

function archiveErrorMessage(error: unknown, t: TFunction) {
  if (error instanceof ApiError) {
    if (error.status === 409) return t('detail.archiveHasChildren');
    if (error.status === 412) return t('detail.changedMeanwhile');
    return error.message;
  }
  return t('error.unknown');
}

function ArchiveDialog({
  slug,
  commitment,
  opened,
  onClose,
}: {
  slug: string;
  commitment: CommitmentDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const archive = useArchiveCommitment(slug, commitment.id);
  const close = () => {
    archive.reset();
    onClose();
  };
  const label = `${commitment.framework.code} ${commitment.reference}`;
  return (
    <Modal opened={opened} onClose={close} title={t('detail.archiveTitle')}>
      <Stack gap="md">
        <Text>{t('detail.archiveConfirm', { label })}</Text>
        {archive.isError && (
          <Alert color="red" variant="light" role="alert">
            {archiveErrorMessage(archive.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={archive.isPending}
            onClick={() =>
              archive.mutate({ version: commitment.version, archived: true }, { onSuccess: close })
            }
          >
            {t('detail.archive')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The banner of an archived commitment, with Restore for those allowed. */
export function ArchivedBanner({
  slug,
  commitment,
}: {
  slug: string;
  commitment: CommitmentDetail;
}) {
  const { t } = useTranslation();
  const { canArchive } = useCommitmentAccess(slug, commitment);
  const restore = useArchiveCommitment(slug, commitment.id);
  if (!commitment.archived) return null;
  return (
    <Alert color="gray" variant="filled" role="status" title={t('detail.archivedTitle')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('detail.archivedText')}</Text>
        {restore.isError && (
          <Text size="sm" role="alert">
            {restore.error instanceof ApiError && restore.error.status === 409
              ? t('detail.restoreParentArchived')
              : archiveErrorMessage(restore.error, t)}
          </Text>
        )}
        {canArchive && (
          <Button
            variant="white"
            color="dark"
            size="xs"
            loading={restore.isPending}
            onClick={() => restore.mutate({ version: commitment.version, archived: false })}
          >
            {t('detail.restore')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
