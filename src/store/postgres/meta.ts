import type { MetaStore } from '../store.ts';
import type { Pool } from './db.ts';

export function postgresMeta(pool: Pool): MetaStore {
  return {
    async get(key) {
      const { rows } = await pool.query<{ value: string }>(
        'SELECT value FROM meta WHERE key = $1',
        [key],
      );
      return rows[0]?.value;
    },
    async set(key, value) {
      await pool.query(
        'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [key, value],
      );
    },
  };
}
