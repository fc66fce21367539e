import { ErrorCode, GigopsError } from '../../errors.ts';
import type { Store } from '../store.ts';
import { openPostgres, type PostgresOptions } from './db.ts';
import { postgresJobs } from './jobs.ts';
import { postgresMeta } from './meta.ts';

/** The shared store for several replicas: the same tables as SQLite, in PostgreSQL. */
export async function createPostgresStore(options: PostgresOptions): Promise<Store> {
  const pool = await openPostgres(options);
  let open = true;
  return {
    engine: 'postgres',
    jobs: postgresJobs(pool),
    meta: postgresMeta(pool),
    opportunities: notYet('opportunities'),
    proposals: notYet('proposals'),
    snapshots: notYet('snapshots'),
    delivery: notYet('delivery'),
    async ready() {
      if (!open) return false;
      await pool.query('SELECT 1');
      return true;
    },
    async close() {
      if (!open) return;
      open = false;
      await pool.end();
    },
  };
}

/** A repository whose PostgreSQL implementation is not written yet: fails loudly, never silently. */
function notYet<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_t, method) => () =>
      Promise.reject(
        new GigopsError(
          ErrorCode.StoreFailed,
          `the PostgreSQL store does not implement ${name}.${String(method)} yet`,
        ),
      ),
  });
}
