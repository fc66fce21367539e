import type { Sql } from '../sql.ts';
import type { MetaStore } from '../store.ts';

export function metaRepository(sql: Sql): MetaStore {
  return {
    async get(key) {
      const row = await sql.get('SELECT value FROM meta WHERE key = ?', [key]);
      return row ? String(row.value) : undefined;
    },
    async set(key, value) {
      await sql.run(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [key, value],
      );
    },
  };
}
