import type { Config } from '../config.ts';
import { GigopsError } from '../errors.ts';
import { createSqliteStore } from './sqlite/index.ts';
import type { Store } from './store.ts';

export type * from './store.ts';

/** The store the configuration asks for: PostgreSQL with DATABASE_URL, else embedded SQLite. */
export async function openStore(
  env: Pick<Config['env'], 'DATABASE_URL' | 'DATA_DIR'>,
): Promise<Store> {
  if (env.DATABASE_URL) {
    throw new GigopsError(
      'gigops_store_failed',
      'DATABASE_URL is set, but the PostgreSQL store is not available in this version; unset it to use the embedded SQLite store',
    );
  }
  return createSqliteStore(env.DATA_DIR);
}
