import type { DatabaseSync } from 'node:sqlite';
import type { MetaStore } from '../store.ts';

export function sqliteMeta(db: DatabaseSync): MetaStore {
  const get = db.prepare('SELECT value FROM meta WHERE key = ?');
  const set = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    async get(key) {
      const row = get.get(key);
      return row ? String(row.value) : undefined;
    },
    async set(key, value) {
      set.run(key, value);
    },
  };
}
