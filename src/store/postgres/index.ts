import { createRepositories } from '../repositories/index.ts';
import type { Store } from '../store.ts';
import { openPostgres, type PostgresOptions } from './db.ts';
import { postgresSql } from './sql.ts';

/** The shared store for several replicas: the same tables and queries as SQLite, in PostgreSQL. */
export async function createPostgresStore(options: PostgresOptions): Promise<Store> {
  const pool = await openPostgres(options);
  let open = true;
  return {
    engine: 'postgres',
    ...createRepositories(postgresSql(pool)),
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
