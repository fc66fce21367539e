import type { Sql } from '../sql.ts';
import type { MetaStore } from '../store.ts';

/** Old signatures are deleted once every this many claims, not on each one. */
const PRUNE_EVERY = 200;

export function metaRepository(sql: Sql): MetaStore {
  let claims = 0;
  return {
    async claimSlackSignature(signature, requestTs, forgetBeforeSec) {
      claims += 1;
      if (claims % PRUNE_EVERY === 1)
        await sql.run('DELETE FROM slack_signatures WHERE request_ts < ?', [forgetBeforeSec]);
      const r = await sql.run(
        'INSERT INTO slack_signatures (signature, request_ts) VALUES (?, ?) ON CONFLICT (signature) DO NOTHING',
        [signature, requestTs],
      );
      return r.changes === 1;
    },
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
