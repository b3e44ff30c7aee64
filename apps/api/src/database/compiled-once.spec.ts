import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import type { DB } from '../generated/kysely/database';
import { compiledOnce } from './compiled-once';

const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('compiledOnce', () => {
  it('builds the query once and gives each call its own parameters, constants kept', () => {
    const build = jest.fn((a: { slug: string; userId: string }) =>
      db
        .selectFrom('Membership')
        .select('role')
        .where('userId', '=', a.userId)
        .where('active', '=', true)
        .where('workspaceId', '=', (eb) =>
          eb.selectFrom('Workspace').select('id').where('slug', '=', a.slug),
        ),
    );
    const query = compiledOnce(['slug', 'userId'], build);
    const first = query({ slug: 'viet-nam', userId: 'u1' });
    const second = query({ slug: 'lao', userId: 'u2' });
    expect(build).toHaveBeenCalledTimes(1);
    expect(first.sql).toBe(second.sql);
    expect(first.parameters).toEqual(['u1', true, 'viet-nam']);
    expect(second.parameters).toEqual(['u2', true, 'lao']);
  });
});
