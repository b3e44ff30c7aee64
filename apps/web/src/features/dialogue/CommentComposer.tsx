import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { STANCES, type Stance } from '@spct/contracts';
import { ApiError, fieldErrors } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { useCreateComment } from './discussionMutations';
import { COMMENT_MAX_LENGTH } from './limits';
import { MentionTextarea } from './MentionTextarea';
import { membersQuery } from '../admin/queries';
import { useLocalDraft } from '../layout/useLocalDraft';

/** Submits on Ctrl+Enter (Cmd+Enter on a Mac) from a text box. */
export function submitOnModEnter(submit: () => void) {
  return (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };
}

/** "123 / 5000" under a text box, red past the limit. */
export function CharacterCount({ length, max }: { length: number; max: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Text component="span" size="xs" c={length > max ? 'red' : 'dimmed'}>
      {t('comments.composer.count', { length: format.number(length), max: format.number(max) })}
    </Text>
  );
}

/**
 * Writes a new comment or, with `parentId`, a reply: markdown-lite text (typing @ offers the
 * members to mention), an optional stance. Ctrl/Cmd+Enter sends. The API's field errors show
 * under the field. What is typed is kept in this browser until it is posted.
 */
export function CommentComposer({
  path,
  parentId,
  onDone,
}: {
  path: { slug: string; commitmentId: string };
  parentId?: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateComment(path);
  const members = useQuery(membersQuery(path.slug));
  const reply = parentId !== undefined;
  const [body, setBody] = useState('');
  const [stance, setStance] = useState<Stance | ''>('');
  const draft = useLocalDraft(
    `comment.${path.slug}.${path.commitmentId}.${parentId ?? 'new'}`,
    { body, stance },
    body.trim() === '',
  );
  const [restored, setRestored] = useState(false);
  if (!restored) {
    setRestored(true);
    if (draft.found) {
      setBody(draft.found.value.body);
      setStance(draft.found.value.stance);
    }
  }
  const [blank, setBlank] = useState(false);
  const errors = fieldErrors(create.error);
  const tooLong = body.length > COMMENT_MAX_LENGTH;
  const otherError =
    create.error && !errors.body && !errors.stance
      ? create.error instanceof ApiError && create.error.status === 0
        ? t('error.network')
        : (errors.parentId ?? create.error.message)
      : null;

  const send = () => {
    if (create.isPending) return;
    if (!body.trim()) {
      setBlank(true);
      return;
    }
    if (tooLong) return;
    create.mutate(
      { body, ...(stance ? { stance } : {}), ...(reply ? { parentId } : {}) },
      {
        onSuccess: () => {
          draft.clear();
          setBody('');
          setStance('');
          onDone?.();
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  const label = reply ? t('comments.composer.replyLabel') : t('comments.composer.label');
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="xs">
        <MentionTextarea
          members={members.data}
          label={label}
          placeholder={reply ? undefined : t('comments.composer.placeholder')}
          autosize
          minRows={reply ? 2 : 3}
          maxRows={12}
          autoFocus={reply}
          value={body}
          onChange={(text) => {
            setBody(text);
            setBlank(false);
          }}
          onKeyDown={submitOnModEnter(send)}
          description={
            <Group component="span" justify="space-between" gap="xs">
              <span>{t('comments.composer.hint')}</span>
              <CharacterCount length={body.length} max={COMMENT_MAX_LENGTH} />
            </Group>
          }
          error={
            errors.body ??
            (blank ? t('comments.composer.required') : undefined) ??
            (tooLong ? t('comments.composer.tooLong', { max: COMMENT_MAX_LENGTH }) : undefined)
          }
        />
        <Group justify="space-between" align="flex-end" gap="xs">
          <NativeSelect
            label={t('comments.composer.stance')}
            size="xs"
            value={stance}
            onChange={(event) => setStance(event.currentTarget.value as Stance | '')}
            data={[
              { value: '', label: t('comments.composer.noStance') },
              ...STANCES.map((value) => ({ value, label: t(`stance.${value}`) })),
            ]}
            error={errors.stance}
          />
          <Group gap="xs">
            {onDone && (
              <Button variant="default" size="xs" onClick={onDone}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" size="xs" loading={create.isPending} disabled={tooLong}>
              {reply ? t('comments.composer.sendReply') : t('comments.composer.send')}
            </Button>
          </Group>
        </Group>
        {otherError && (
          <Alert color="red" variant="light" role="alert" p="xs">
            <Text size="sm">{otherError}</Text>
          </Alert>
        )}
      </Stack>
    </form>
  );
}
