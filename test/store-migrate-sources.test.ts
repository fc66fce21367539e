import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../src/store/migrations.ts';
import { openPostgres } from '../src/store/postgres/db.ts';
import { createPostgresStore } from '../src/store/postgres/index.ts';
import { openSqlite } from '../src/store/sqlite/db.ts';
import { createSqliteStore } from '../src/store/sqlite/index.ts';
import type { Store } from '../src/store/store.ts';
import { tempDir } from './support/env.ts';
import { postgresAvailable, TEST_DATABASE_URL } from './support/stores.ts';

/**
 * Migration 0012 (issue 20): opportunities saved before sources existed, as
 * `owner/repo#12` with repo and number columns, become GitHub's
 * (`github:owner/repo#12`), keep what happened to them, and their drafts follow.
 */
const before = migrations.filter((m) => m.id < '0012');
const at = '2026-11-01T00:00:00.000Z';
const OLD_ROWS = [
  `INSERT INTO opportunities (id, repo, number, url, title, labels, body_excerpt, stars, comments,
     score, reasons, first_seen_at, updated_at, dismissed_at)
   VALUES ('acme/pool#7', 'acme/pool', 7, 'https://github.com/acme/pool/issues/7', 'Leak', '[]',
     '', 900, 12, 41.5, '[]', '${at}', '${at}', '${at}')`,
  `INSERT INTO proposals (id, opportunity_id, issue_url, issue_title, locale, sections, hours,
     state, version, requested_by, channel, ts, created_at, updated_at)
   VALUES ('d1', 'acme/pool#7', 'https://github.com/acme/pool/issues/7', 'Leak', 'en',
     '{"problem":"","plan":"","evidence":"","price":""}', 1, 'drafted', 1, 'U1', 'C1', '1.1',
     '${at}', '${at}')`,
];

async function expectMigrated(store: Store) {
  const o = await store.opportunities.get('github:acme/pool#7');
  expect(o).toMatchObject({
    source: 'github',
    key: 'acme/pool#7',
    label: 'acme/pool#7',
    project: 'acme/pool',
    meta: {},
    title: 'Leak',
    score: 41.5,
    dismissedAt: new Date(at),
  });
  expect(await store.opportunities.get('acme/pool#7')).toBeUndefined();
  expect((await store.proposals.openDraftFor('github:acme/pool#7'))?.id).toBe('d1');
  // A dismissal for an id never stored, in the old form (a button saved in a message).
  await store.opportunities.dismiss('acme/pool#8', new Date(at));
  expect(await store.opportunities.get('acme/pool#8')).toMatchObject({
    source: 'github',
    key: 'acme/pool#8',
  });
}

const schemas: string[] = [];
afterAll(async () => {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await client.end();
});

describe('migration 0012: opportunities from sources', () => {
  it('moves SQLite rows saved as owner/repo#N to github:owner/repo#N', async () => {
    const dir = tempDir();
    const old = openSqlite(join(dir, 'gigops.sqlite'), before);
    for (const sql of OLD_ROWS) old.exec(sql);
    old.close();
    const store = createSqliteStore(dir);
    await store.ready();
    await expectMigrated(store);
    await store.close();
  });

  it.skipIf(!postgresAvailable)(
    'moves PostgreSQL rows the same way (skipped when no server is reachable)',
    async () => {
      const schema = `gigops_test_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      const old = await openPostgres({ connectionString: TEST_DATABASE_URL, schema }, before);
      for (const sql of OLD_ROWS) await old.query(sql);
      await old.end();
      const store = await createPostgresStore({ connectionString: TEST_DATABASE_URL, schema });
      await expectMigrated(store);
      await store.close();
    },
  );
});
