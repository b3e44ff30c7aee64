import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { ConfirmDialog, ErrorAlert, FormActions } from '../../layout/FormParts';
import { EvidenceLink } from '../../evidence/EvidenceLink';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/client';
import type { Evidence } from '../../../api/types';
import { useFormat } from '../../../i18n/format';
import { useMe } from '../../auth/queries';
import { useMembership } from '../../auth/useMembership';
import { FilePicker, UploadProgress } from '../../evidence/FilePicker';
import { useEvidenceErrorMessage, useFileCheck } from '../../evidence/messages';
import { evidenceKey, useAddEvidenceLink, useDeleteEvidence } from '../../evidence/queries';
import { commitmentEvidenceUrl, uploadEvidenceFile } from '../../evidence/upload';
import { EmptyState, QueryState } from '../../layout/states';
import { commitmentQuery, evidenceQuery, updatesQuery } from '../queries';
import { commitmentResource } from '../../auth/permissions';
import { useMemberName } from './memberNames';

/**
 * The evidence of a commitment (its own and its reports'): links and files with their size,
 * type, uploader, date and checksum, download links; adding links and files (with upload
 * progress) and deleting for those allowed.
 */
export function EvidencePanel({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const { t } = useTranslation();
  const query = useQuery(evidenceQuery(slug, commitmentId));
  const commitment = useQuery(commitmentQuery(slug, commitmentId));
  const access = useMembership(slug);
  const [adding, setAdding] = useState<'link' | 'file' | null>(null);
  const [deleting, setDeleting] = useState<Evidence | null>(null);
  const path = { slug, commitmentId };
  const mayWrite =
    commitment.data !== undefined &&
    access.can('evidence.write', commitmentResource(commitment.data));

  return (
    <Stack gap="md">
      {mayWrite && (
        <Group justify="flex-end">
          <Button variant="light" onClick={() => setAdding('link')}>
            {t('evidenceTab.addLink')}
          </Button>
          <Button onClick={() => setAdding('file')}>{t('evidenceTab.uploadFile')}</Button>
        </Group>
      )}
      <QueryState query={query}>
        {(evidence) =>
          evidence.length === 0 ? (
            <EmptyState message={t('evidence.empty')} />
          ) : (
            <EvidenceList
              slug={slug}
              commitmentId={commitmentId}
              evidence={evidence}
              mayWrite={mayWrite}
              onDelete={setDeleting}
            />
          )
        }
      </QueryState>
      <Modal
        opened={adding === 'link'}
        onClose={() => setAdding(null)}
        title={t('evidenceTab.addLink')}
      >
        {adding === 'link' && <LinkForm path={path} onClose={() => setAdding(null)} />}
      </Modal>
      <Modal
        opened={adding === 'file'}
        onClose={() => setAdding(null)}
        title={t('evidenceTab.uploadFile')}
      >
        {adding === 'file' && <UploadForm path={path} onClose={() => setAdding(null)} />}
      </Modal>
      <DeleteDialog path={path} evidence={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

function EvidenceList({
  slug,
  commitmentId,
  evidence,
  mayWrite,
  onDelete,
}: {
  slug: string;
  commitmentId: string;
  evidence: Evidence[];
  mayWrite: boolean;
  onDelete: (item: Evidence) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useMemberName(slug);
  const updates = useQuery(updatesQuery(slug, commitmentId));
  const me = useMe();
  const access = useMembership(slug);
  // As the API: who added it, or whoever may add evidence to any commitment (an ADMIN).
  const mayDeleteAny = access.can('evidence.write', {});
  const periodOf = (updateId: string | null) =>
    updateId ? updates.data?.find((update) => update.id === updateId)?.period : undefined;

  return (
    <Stack
      component="ul"
      gap="md"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('evidenceTab.listLabel')}
    >
      {evidence.map((item) => {
        const uploader = nameOf(item.uploadedById);
        const period = periodOf(item.progressUpdateId);
        const mayDelete =
          mayWrite && (mayDeleteAny || item.uploadedById === (me.data?.user.id ?? null));
        return (
          <li key={item.id}>
            <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge variant="light" color={item.kind === 'LINK' ? 'blue' : 'grape'}>
                  {t(`evidenceKind.${item.kind}`)}
                </Badge>
                <div>
                  <div>
                    <EvidenceLink item={item} />
                  </div>
                  <Text size="xs" c="dimmed">
                    {[
                      item.kind === 'LINK' ? item.url : item.fileName,
                      item.sizeBytes !== null
                        ? t('evidence.size', { size: format.bytes(item.sizeBytes) })
                        : null,
                      item.mimeType,
                      uploader ? t('evidenceTab.uploadedBy', { name: uploader }) : null,
                      t('evidence.addedOn', { date: format.date(item.createdAt) }),
                      item.sha256 ? `SHA-256 ${item.sha256.slice(0, 12)}…` : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  {item.progressUpdateId && (
                    <Text size="xs">
                      {period
                        ? t('evidenceTab.attachedTo', { period })
                        : t('evidenceTab.attachedToReport')}
                    </Text>
                  )}
                </div>
              </Group>
              {mayDelete && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => onDelete(item)}
                  aria-label={t('evidenceTab.deleteNamed', { title: item.title })}
                >
                  {t('common.delete')}
                </Button>
              )}
            </Group>
          </li>
        );
      })}
    </Stack>
  );
}

interface Path {
  slug: string;
  commitmentId: string;
}

function LinkForm({ path, onClose }: { path: Path; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddEvidenceLink(path);
  const message = useEvidenceErrorMessage();
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const errors = fieldErrors(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ url, title }, { onSuccess: onClose });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {add.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" variant="light" role="alert">
            {message(add.error)}
          </Alert>
        )}
        <TextInput
          label={t('evidenceTab.linkTitle')}
          required
          data-autofocus
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
        />
        <TextInput
          type="url"
          label={t('evidenceTab.linkUrl')}
          required
          placeholder="https://"
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          error={errors.url}
        />
        <FormActions submitLabel={t('common.save')} busy={add.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}

function UploadForm({ path, onClose }: { path: Path; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const message = useEvidenceErrorMessage();
  const checkFile = useFileCheck();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem(t('evidenceTab.chooseFile'));
      return;
    }
    setError(null);
    setProgress(0);
    try {
      await uploadEvidenceFile({
        url: commitmentEvidenceUrl(path.slug, path.commitmentId),
        file,
        title,
        onProgress: setProgress,
      });
      await queryClient.invalidateQueries({ queryKey: evidenceKey(path) });
      onClose();
    } catch (cause) {
      setProgress(null);
      setError(message(cause));
    }
  };

  const uploading = progress !== null;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <FilePicker
          label={t('evidenceTab.file')}
          error={problem}
          disabled={uploading}
          onPick={(picked) => {
            const check = checkFile(picked);
            setProblem(check);
            setError(null);
            setFile(check ? null : picked);
          }}
        />
        {file && (
          <Text size="sm">
            {file.name} · {format.bytes(file.size)}
          </Text>
        )}
        <TextInput
          label={t('evidenceTab.fileTitle')}
          description={t('evidenceTab.fileTitleHint')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          disabled={uploading}
        />
        {file && uploading && <UploadProgress name={file.name} percent={progress} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={uploading}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={uploading} disabled={!file}>
            {t('evidenceTab.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteDialog({
  path,
  evidence,
  onClose,
}: {
  path: Path;
  evidence: Evidence | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteEvidence(path);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      opened={evidence !== null}
      title={t('evidenceTab.deleteTitle')}
      message={t('evidenceTab.deleteConfirm', { title: evidence?.title ?? '' })}
      confirmLabel={t('common.delete')}
      color="red"
      busy={remove.isPending}
      onClose={close}
      onConfirm={() => evidence && remove.mutate(evidence.id, { onSuccess: close })}
    >
      {remove.isError && <ErrorAlert>{remove.error.message}</ErrorAlert>}
    </ConfirmDialog>
  );
}
