import { useState } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { ConflictAlert } from '../layout/ConflictAlert';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { STANCES, type Stance } from '@spct/contracts';
import { fieldErrors } from '../../api/client';
import { staleCurrent } from '../../api/concurrency';
import type { Comment, Member } from '../../api/types';
import { useMe } from '../auth/queries';
import { useMembership } from '../auth/useMembership';
import { membersQuery } from '../admin/queries';
import { useFormat } from '../../i18n/format';
import { EmptyState, QueryState } from '../layout/states';
import { CharacterCount, CommentComposer, submitOnModEnter } from './CommentComposer';
import { CommentText } from './CommentText';
import { MentionTextarea } from './MentionTextarea';
import { COMMENT_MAX_LENGTH } from './limits';
import { StanceBadge } from '../commitments/badges';
import { commentsQuery } from '../commitments/queries';
import { useDeleteComment, useEditComment } from './discussionMutations';

interface Thread {
  comment: Comment;
  replies: Thread[];
}

/** Builds threads from the flat, oldest-first list; a reply to a missing parent becomes a root. */
export function threadComments(comments: Comment[]): Thread[] {
  const threads = new Map<string, Thread>(
    comments.map((comment) => [comment.id, { comment, replies: [] }]),
  );
  const roots: Thread[] = [];
  for (const comment of comments) {
    const thread = threads.get(comment.id)!;
    const parent = comment.parentId ? threads.get(comment.parentId) : undefined;
    if (parent) parent.replies.push(thread);
    else roots.push(thread);
  }
  return roots;
}

export function CommentsPanel({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const { t } = useTranslation();
  const query = useQuery(commentsQuery(slug, commitmentId));
  const members = useQuery(membersQuery(slug));
  const me = useMe();
  const access = useMembership(slug);
  const path = { slug, commitmentId };
  const context: ItemContext = {
    path,
    userId: me.data?.user.id,
    mayWrite: access.can('comment.write'),
    mayModerate: access.can('workspace.manage'),
    members: members.data,
  };
  return (
    <QueryState query={query}>
      {(comments) => (
        <Stack gap="md">
          {comments.length === 0 ? (
            <EmptyState
              message={context.mayWrite ? t('comments.emptyInvite') : t('comments.empty')}
            />
          ) : (
            <ul
              aria-label={t('comments.thread')}
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
            >
              {threadComments(comments).map((thread) => (
                <CommentItem key={thread.comment.id} thread={thread} context={context} root />
              ))}
            </ul>
          )}
          {context.mayWrite && (
            <Paper withBorder p="sm">
              <CommentComposer path={path} />
            </Paper>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

interface ItemContext {
  path: { slug: string; commitmentId: string };
  userId: string | undefined;
  mayWrite: boolean;
  mayModerate: boolean;
  members: Member[] | undefined;
}

/**
 * One comment and its replies. Replies are one level deep: a root comment that is not deleted
 * offers Reply, and its replies are listed under it.
 */
function CommentItem({
  thread,
  context,
  root = false,
}: {
  thread: Thread;
  context: ItemContext;
  root?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [replying, setReplying] = useState(false);
  const { comment, replies } = thread;
  const live = comment.deletedAt === null;
  const own = live && context.mayWrite && comment.author.id === context.userId;
  const mayDelete = own || (live && context.mayModerate);
  return (
    <li style={{ marginBottom: 12 }}>
      <Paper withBorder p="sm" component="article">
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <Text fw={600} size="sm">
              {comment.author.displayName}
            </Text>
            {comment.stance && <StanceBadge stance={comment.stance} />}
          </Group>
          <Text size="xs" c="dimmed">
            <time dateTime={comment.createdAt}>{format.date(comment.createdAt)}</time>
            {comment.editedAt ? ` · ${t('comments.edited')}` : ''}
          </Text>
        </Group>
        {live ? (
          <CommentBody
            comment={comment}
            path={context.path}
            own={own}
            mayDelete={mayDelete}
            members={context.members}
            onReply={root && context.mayWrite && !replying ? () => setReplying(true) : undefined}
          />
        ) : (
          <Text size="sm" mt={6} c="dimmed" fs="italic">
            {t('comments.deleted')}
          </Text>
        )}
      </Paper>
      {replying && (
        <Paper withBorder p="sm" mt="xs" ms={24}>
          <CommentComposer
            path={context.path}
            parentId={comment.id}
            onDone={() => setReplying(false)}
          />
        </Paper>
      )}
      {replies.length > 0 && (
        <Stack
          component="ul"
          gap={0}
          mt="xs"
          aria-label={t('comments.replies')}
          style={{
            listStyle: 'none',
            margin: 0,
            paddingInlineStart: 24,
            borderInlineStart: '2px solid var(--mantine-color-gray-3)',
          }}
        >
          {replies.map((reply) => (
            <CommentItem key={reply.comment.id} thread={reply} context={context} />
          ))}
        </Stack>
      )}
    </li>
  );
}

/**
 * A live comment's text, with Edit and Delete for those allowed. Both send the version shown
 * (If-Match); when someone changed the comment meanwhile (412) the stored text is shown and the
 * user chooses to reapply theirs on it or keep it.
 */
function CommentBody({
  comment,
  path,
  own,
  mayDelete,
  members,
  onReply,
}: {
  comment: Comment;
  path: { slug: string; commitmentId: string };
  own: boolean;
  mayDelete: boolean;
  members: Member[] | undefined;
  onReply: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const edit = useEditComment(path);
  const remove = useDeleteComment(path);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body ?? '');
  const [stance, setStance] = useState<Stance | null>(comment.stance);
  const [confirming, setConfirming] = useState(false);
  const [conflict, setConflict] = useState<{ kind: 'edit' | 'delete'; current: Comment } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const errors = fieldErrors(edit.error);
  const startEditing = (from: Comment) => {
    setDraft(from.body ?? '');
    setStance(from.stance);
    edit.reset();
  };

  const onError = (kind: 'edit' | 'delete') => (failure: Error) => {
    const current = staleCurrent<Comment>(failure);
    if (current) setConflict({ kind, current });
    // Field errors (edit) show under their field.
    else if (kind === 'delete' || Object.keys(fieldErrors(failure)).length === 0) {
      setError(failure.message);
    }
  };
  const save = (version: number) => {
    setConflict(null);
    setError(null);
    edit.mutate(
      { commentId: comment.id, version, body: { body: draft, stance } },
      { onSuccess: () => setEditing(false), onError: onError('edit') },
    );
  };
  const destroy = (version: number) => {
    setConflict(null);
    setError(null);
    setConfirming(false);
    remove.mutate({ commentId: comment.id, version }, { onError: onError('delete') });
  };

  return (
    <Stack gap="xs" mt={6}>
      {editing ? (
        <>
          <MentionTextarea
            members={members}
            label={t('comments.editLabel')}
            autosize
            minRows={2}
            maxRows={12}
            value={draft}
            onChange={setDraft}
            onKeyDown={submitOnModEnter(() => save(comment.version))}
            description={<CharacterCount length={draft.length} max={COMMENT_MAX_LENGTH} />}
            error={errors.body}
          />
          <NativeSelect
            label={t('comments.composer.stance')}
            size="xs"
            value={stance ?? ''}
            onChange={(event) => setStance((event.currentTarget.value || null) as Stance | null)}
            data={[
              { value: '', label: t('comments.composer.noStance') },
              ...STANCES.map((value) => ({ value, label: t(`stance.${value}`) })),
            ]}
            error={errors.stance}
          />
          <Group gap="xs" justify="flex-end">
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setEditing(false);
                setConflict(null);
                startEditing(comment);
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button
              size="xs"
              loading={edit.isPending}
              disabled={!draft.trim() || draft.length > COMMENT_MAX_LENGTH}
              onClick={() => save(comment.version)}
            >
              {t('common.save')}
            </Button>
          </Group>
        </>
      ) : (
        <CommentText
          body={comment.body ?? ''}
          lookup={{ members, mentionedIds: comment.mentionedIds }}
        />
      )}
      {conflict && (
        <ConflictAlert
          title={t('comments.conflict.title')}
          reapply={
            conflict.current.deletedAt
              ? undefined
              : conflict.kind === 'edit'
                ? {
                    label: t('comments.conflict.useMine'),
                    onClick: () => save(conflict.current.version),
                  }
                : {
                    label: t('comments.conflict.deleteAnyway'),
                    color: 'red',
                    onClick: () => destroy(conflict.current.version),
                  }
          }
          keepTheirs={{
            label: t('comments.conflict.keepTheirs'),
            onClick: () => {
              startEditing(conflict.current);
              setEditing(false);
              setConflict(null);
            },
          }}
        >
          <Text size="sm">{t('comments.conflict.stored')}</Text>
          {conflict.current.deletedAt ? (
            <Text size="sm" c="dimmed" fs="italic">
              {t('comments.deleted')}
            </Text>
          ) : (
            <CommentText
              body={conflict.current.body ?? ''}
              lookup={{ members, mentionedIds: conflict.current.mentionedIds }}
            />
          )}
        </ConflictAlert>
      )}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      {confirming && (
        <Group gap="xs" role="group" aria-label={t('comments.confirmDelete')}>
          <Text size="sm">{t('comments.confirmDelete')}</Text>
          <Button size="xs" color="red" onClick={() => destroy(comment.version)}>
            {t('common.delete')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      )}
      {!editing && !confirming && (own || mayDelete || onReply) && (
        <Group gap="xs">
          {onReply && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={onReply}
              aria-label={t('comments.replyTo', { name: comment.author.displayName })}
            >
              {t('comments.reply')}
            </Button>
          )}
          {own && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                startEditing(comment);
                setEditing(true);
              }}
            >
              {t('common.edit')}
            </Button>
          )}
          {mayDelete && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => setConfirming(true)}
            >
              {t('common.delete')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
