import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { followQuery, useFollow } from './queries';

/** Follow / Unfollow: be told of what happens to the item. */
export function FollowButton({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const { t } = useTranslation();
  const state = useQuery(followQuery(slug, commitmentId));
  const follow = useFollow(slug, commitmentId);
  if (!state.data) return null;
  const following = state.data.following;
  return (
    <Button
      variant={following ? 'light' : 'default'}
      aria-pressed={following}
      loading={follow.isPending}
      onClick={() => follow.mutate(!following)}
    >
      {following ? t('notifications.following') : t('notifications.follow')}
    </Button>
  );
}
