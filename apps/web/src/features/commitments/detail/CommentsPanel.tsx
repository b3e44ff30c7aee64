import { Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../api/types';
import { useFormat } from '../../../i18n/format';
import { EmptyState, QueryState } from '../../layout/states';
import { StanceBadge } from '../badges';
import { commentsQuery } from '../queries';

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
  return (
    <QueryState query={query}>
      {(comments) =>
        comments.length === 0 ? (
          <EmptyState message={t('comments.empty')} />
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {threadComments(comments).map((thread) => (
              <CommentItem key={thread.comment.id} thread={thread} />
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}

function CommentItem({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { comment, replies } = thread;
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
        <Text size="sm" mt={6} style={{ whiteSpace: 'pre-line' }}>
          {comment.body}
        </Text>
      </Paper>
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
            <CommentItem key={reply.comment.id} thread={reply} />
          ))}
        </Stack>
      )}
    </li>
  );
}
