import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { membersQuery } from '../../admin/queries';

/** The display name of a member of the workspace by user id (undefined while loading or unknown). */
export function useMemberName(
  slug: string,
): (userId: string | null | undefined) => string | undefined {
  const members = useQuery(membersQuery(slug));
  return useMemo(() => {
    const names = new Map(
      (members.data ?? []).map((member) => [member.userId, member.displayName]),
    );
    return (userId) => (userId ? names.get(userId) : undefined);
  }, [members.data]);
}
