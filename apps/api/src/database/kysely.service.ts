import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CompiledQuery, type DatabaseConnection, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Prisma } from '../generated/prisma/client';
import type { DB } from '../generated/kysely/database';
import type { DatabaseTimeouts } from './database-timeouts';
import { createPool } from './pool';
import { DATABASE_TIMEOUTS, DATABASE_URL } from './prisma.service';

const { builtins } = pg.types;
/** text[]: pg parses it, though pg-types' TypeId enum lists no array types. */
const TEXT_ARRAY = 1009 as (typeof builtins)[keyof typeof builtins];

/**
 * Typed SQL for the hot read paths (authentication, a commitment's detail, My work, /auth/me),
 * on a `pg` pool of its own: for these reads Prisma's query compiler cost more than the statements
 * themselves (`npm run bench:http`). The row types are generated from prisma/schema.prisma
 * (prisma-kysely), so a query naming a column the schema lacks, or code reading a field the query
 * does not select, fails the build. Writes stay with Prisma.
 */
@Injectable()
export class KyselyService extends Kysely<DB> implements OnApplicationShutdown {
  readonly pool: pg.Pool;

  constructor(
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(DATABASE_TIMEOUTS) timeouts: DatabaseTimeouts,
  ) {
    const enumArrays = new Set<number>();
    // The same timeouts as Prisma's pool: a database away is a quick 503 on these reads too.
    const pool = createPool(databaseUrl, timeouts, new Logger('Database'), {
      getTypeParser: (oid, format) => parserFor(oid, format, enumArrays),
    });
    super({
      dialect: new PostgresDialect({
        pool,
        // Before the first query, on the first connection: the schema's enum array types.
        onCreateConnection: async (connection) => {
          if (enumArrays.size === 0) await loadEnumArrays(connection, enumArrays);
        },
      }),
    });
    this.pool = pool;
  }

  /**
   * A statement written with `Prisma.sql` (the list's dynamic filters), sent through this pool:
   * the same SQL costs less here than through Prisma's driver adapter.
   */
  async rows<T>(statement: Prisma.Sql): Promise<T[]> {
    const result = await this.executeQuery<T>(CompiledQuery.raw(statement.text, statement.values));
    return result.rows;
  }

  /**
   * `rows`, sent as a named statement: each connection parses and plans it once instead of on
   * every call. Named `name`, else after its text. Only for a statement whose good plan does not
   * depend on its values, since PostgreSQL may settle on a generic plan after five runs.
   */
  async namedRows<T extends pg.QueryResultRow>(
    statement: Pick<Prisma.Sql, 'text' | 'values'>,
    name = `sql-${createHash('sha1').update(statement.text).digest('base64url').slice(0, 20)}`,
  ): Promise<T[]> {
    const result = await this.pool.query<T>({
      name,
      text: statement.text,
      values: statement.values,
    });
    return result.rows;
  }

  /** After the HTTP server has finished its requests (graceful shutdown), not before. */
  async onApplicationShutdown(): Promise<void> {
    await this.destroy();
  }
}

/** The array types of the schema's enums, which `pg` would otherwise return as '{A,B}'. */
async function loadEnumArrays(connection: DatabaseConnection, into: Set<number>): Promise<void> {
  const { rows } = await connection.executeQuery<{ oid: number }>(
    CompiledQuery.raw(
      `SELECT typarray::int AS oid FROM pg_type WHERE typtype = 'e' AND typarray <> 0`,
    ),
  );
  for (const { oid } of rows) into.add(oid);
}

/**
 * The values Prisma gives for the same columns: `date` as UTC midnight and `timestamp` (which
 * Prisma writes in UTC) as UTC, whatever the server's time zone; enum arrays as string arrays.
 */
function parserFor(
  oid: number,
  format: 'text' | 'binary' | undefined,
  enumArrays: Set<number>,
): (value: string) => unknown {
  if (oid === builtins.DATE) return (value) => new Date(`${value}T00:00:00Z`);
  if (oid === builtins.TIMESTAMP) return (value) => new Date(`${value.replace(' ', 'T')}Z`);
  if (enumArrays.has(oid)) return pg.types.getTypeParser(TEXT_ARRAY, format);
  return pg.types.getTypeParser(oid, format);
}
