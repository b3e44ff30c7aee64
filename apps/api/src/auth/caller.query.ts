import type { Compilable, CompiledQuery } from 'kysely';
import { compiledOnce } from '../database/compiled-once';
import type { KyselyService } from '../database/kysely.service';

/**
 * A user with their active membership of the workspace named `slug` (null columns without one,
 * or without a slug): what every authenticated request needs, to be joined to the session or API
 * token row in the same statement.
 */
export function callerWithMembership(db: KyselyService, slug: string | undefined) {
  return db
    .selectFrom('User')
    .leftJoin('Membership', (join) =>
      join
        .onRef('Membership.userId', '=', 'User.id')
        .on('Membership.active', '=', true)
        .on((eb) =>
          slug === undefined
            ? eb.lit(false)
            : eb(
                'Membership.workspaceId',
                '=',
                eb
                  .selectFrom('Workspace')
                  .select('Workspace.id')
                  .where('Workspace.slug', '=', slug),
              ),
        ),
    )
    .select([
      'User.id as userId',
      'User.email',
      'User.active',
      'Membership.role',
      'Membership.organizationId',
      'Membership.workspaceId',
    ]);
}

/** A caller query compiled once for routes with a `:slug` and once for routes without. */
export type CallerQueries<A extends Record<string, string>, R = unknown> = (
  args: A,
  slug: string | undefined,
) => CompiledQuery<R>;

export function callerQueries<A extends Record<string, string>, R>(
  names: readonly (keyof A & string)[],
  build: (slug: string | undefined, args: A) => Compilable<R>,
): CallerQueries<A, R> {
  const withSlug = compiledOnce<A & { slug: string }, R>([...names, 'slug'], (a) =>
    build(a.slug, a),
  );
  const withoutSlug = compiledOnce<A, R>(names, (a) => build(undefined, a));
  return (args, slug) => (slug === undefined ? withoutSlug(args) : withSlug({ ...args, slug }));
}

/** The membership columns of a `callerWithMembership` row, or null when there is none. */
export function membershipOf<R extends string>(row: {
  role: R | null;
  organizationId: string | null;
  workspaceId: string | null;
}): { role: R; organizationId: string | null; workspaceId: string } | null {
  const { role, organizationId, workspaceId } = row;
  return role !== null && workspaceId !== null ? { role, organizationId, workspaceId } : null;
}
