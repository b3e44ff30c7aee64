import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STANCES, type Stance } from '@spct/contracts';
import { ApiError, fieldErrors } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { useCreateComment } from './discussionMutations';
import { COMMENT_MAX_LENGTH } from './limits';

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
 * Writes a new comment or, with `parentId`, a reply: markdown-lite text (@email mentions a
 * member), an optional stance. Ctrl/Cmd+Enter sends. The API's field errors show under the field.
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
  const [body, setBody] = useState('');
  const [stance, setStance] = useState<Stance | ''>('');
  const [blank, setBlank] = useState(false);
  const errors = fieldErrors(create.error);
  const reply = parentId !== undefined;
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
        <Textarea
          label={label}
          placeholder={reply ? undefined : t('comments.composer.placeholder')}
          autosize
          minRows={reply ? 2 : 3}
          maxRows={12}
          autoFocus={reply}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
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
