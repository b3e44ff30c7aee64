// Driver adapter for the Prisma CLI's WebAssembly schema engine (Prisma 6.19, engine "js").
// It works around two defects of @prisma/adapter-pg 6.19 on this path (see ENVIRONMENT.md):
//  1. catalog columns of type `name` (oid 19) and `"char"` (oid 18) cannot be deserialized
//     (prisma/orm#27403), so query results report them as `text` (oid 25);
//  2. `connectToShadowDb()` ignores the database name of a connection string and drops the
//     shadow database while still connected, so we create, connect and drop it ourselves;
//  3. PostgreSQL 18 records NOT NULL constraints in pg_constraint (contype 'n'), which the
//     6.19 engine does not know and panics on ("RuntimeError: unreachable"), so its constraint
//     introspection query leaves them out, as it already does for p/u/f;
//  4. `executeScript()` splits a migration on every ";", which breaks function bodies
//     (`$$ ... ; ... $$`), so a migration script is sent whole, as one simple query.
// Its pools let the process exit while idle, so a finished command does not wait for idle
// connections to time out (see also unref-engine-timers.cjs).
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const TEXT_OID = 25;
const CATALOG_OIDS = new Set([18, 19]);
const CONSTRAINT_FILTER = "contype NOT IN ('p', 'u', 'f')";
const CONSTRAINT_FILTER_PG18 = "contype NOT IN ('p', 'u', 'f', 'n')";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query config is untyped here
function withoutNotNullConstraints(config: any): any {
  if (config && typeof config.text === 'string' && config.text.includes(CONSTRAINT_FILTER)) {
    return { ...config, text: config.text.replace(CONSTRAINT_FILTER, CONSTRAINT_FILTER_PG18) };
  }
  return config;
}

class CatalogSafePool extends pg.Pool {
  // pg's overloaded `query` signatures cannot be re-declared generically; the override only
  // rewrites field metadata of whatever the base implementation returns.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const [config, ...rest] = args;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- same overloads as above
    const result = (super.query as (...a: any[]) => any)(
      withoutNotNullConstraints(config),
      ...rest,
    );
    if (result && typeof result.then === 'function') {
      return result.then((res: pg.QueryResult) => {
        for (const field of res?.fields ?? []) {
          if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
        }
        return res;
      });
    }
    return result;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

function withWholeScripts(adapter: PgAdapter, pool: pg.Pool): PgAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      // onError() maps a pg error to the driver-adapter error the engine reports.
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

export function cliAdapterFactory(url: string) {
  const pool = new CatalogSafePool({ connectionString: url, allowExitOnIdle: true });
  const factory = new PrismaPg(pool);
  const connect = factory.connect.bind(factory);
  return Object.assign(factory, {
    async connect() {
      return withWholeScripts(await connect(), pool);
    },
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      const shadowPool = new CatalogSafePool({
        connectionString: withDatabase(url, name),
        allowExitOnIdle: true,
      });
      const adapter = withWholeScripts(await new PrismaPg(shadowPool).connect(), shadowPool);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose().catch(() => undefined);
        await shadowPool.end().catch(() => undefined);
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        try {
          await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await dropper.end();
        }
      };
      return adapter;
    },
  });
}
