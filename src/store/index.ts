import type { Config } from '../config.ts';
import { ErrorCode, GigopsError } from '../errors.ts';
import { countStoreErrors } from './count-errors.ts';
import type { Store } from './store.ts';

export type * from './delivery-store.ts';
export type * from './opportunity-store.ts';
export type * from './proposal-store.ts';
export type * from './snapshot-store.ts';
export type * from './store.ts';

export interface OpenStoreOptions {
  /** Told the name of every store operation that throws (for /metrics). */
  onError?: (operation: string) => void;
}

/**
 * The store the configuration asks for: PostgreSQL with DATABASE_URL, else
 * embedded SQLite. Each engine is imported only when chosen: a SQLite bot
 * never loads pg (nor a PostgreSQL one node:sqlite).
 */
export async function openStore(
  env: Pick<Config['env'], 'DATABASE_URL' | 'DATA_DIR'>,
  { onError }: OpenStoreOptions = {},
): Promise<Store> {
  const store = await openEngine(env);
  return onError ? countStoreErrors(store, onError) : store;
}

async function openEngine(env: Pick<Config['env'], 'DATABASE_URL' | 'DATA_DIR'>): Promise<Store> {
  if (env.DATABASE_URL) {
    try {
      const { createPostgresStore } = await import('./postgres/index.ts');
      return await createPostgresStore({ connectionString: env.DATABASE_URL });
    } catch (error) {
      throw new GigopsError(
        ErrorCode.StoreFailed,
        `cannot open the PostgreSQL store at DATABASE_URL (${(error as Error).message}); check the URL and that the server is reachable, or unset DATABASE_URL to use the embedded SQLite store`,
        { cause: error },
      );
    }
  }
  const { createSqliteStore } = await import('./sqlite/index.ts');
  return createSqliteStore(env.DATA_DIR);
}
