import { join, resolve } from 'node:path';
import { createRepositories } from '../repositories/index.ts';
import type { Store } from '../store.ts';
import { openSqlite } from './db.ts';
import { sqliteSql } from './sql.ts';

/** The embedded store: one file under DATA_DIR, nothing to install. */
export function createSqliteStore(dataDir: string): Store {
  const file = dataDir === ':memory:' ? ':memory:' : resolve(join(dataDir, 'gigops.sqlite'));
  const db = openSqlite(file);
  let open = true;
  return {
    engine: 'sqlite',
    ...createRepositories(sqliteSql(db, file)),
    async ready() {
      if (!open) return false;
      db.prepare('SELECT 1').get();
      return true;
    },
    async checkpoint() {
      if (open) db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    },
    async close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
