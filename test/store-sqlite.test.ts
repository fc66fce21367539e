import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../src/store/migrations.ts';
import { openSqlite } from '../src/store/sqlite/db.ts';
import { createSqliteStore } from '../src/store/sqlite/index.ts';
import { tempDir } from './support/env.ts';

describe('SQLite store', () => {
  it('applies migrations on an empty file, in WAL mode, and is idempotent on restart', () => {
    const file = join(tempDir(), 'nested', 'gigops.sqlite');
    const first = openSqlite(file);
    const applied = first.prepare('SELECT id FROM schema_migrations ORDER BY id').all();
    expect(applied.map((r) => r.id)).toEqual(migrations.map((m) => m.id));
    expect(first.prepare('PRAGMA journal_mode').get()?.journal_mode).toBe('wal');
    first.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    first.close();

    const second = openSqlite(file);
    expect(second.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()?.n).toBe(
      migrations.length,
    );
    expect(second.prepare("SELECT value FROM meta WHERE key = 'k'").get()?.value).toBe('v');
    second.close();
  });

  it('closes open duplicate drafts made before one open draft per opportunity was enforced, keeping the earliest', async () => {
    const dir = tempDir();
    const old = openSqlite(
      join(dir, 'gigops.sqlite'),
      migrations.filter((m) => m.id < '0011'),
    );
    const insert = old.prepare(
      `INSERT INTO proposals (id, opportunity_id, issue_url, issue_title, locale, sections, hours,
         state, version, requested_by, channel, ts, created_at, updated_at)
       VALUES (?, ?, 'u', 't', 'en', '{"problem":"","plan":"","evidence":"","price":""}', 1,
         'drafted', 1, 'U1', 'C1', '1.1', ?, ?)`,
    );
    for (const [id, opp, at] of [
      ['b-second', 'acme/pool#7', '2026-11-02T00:00:00.000Z'],
      ['a-first', 'acme/pool#7', '2026-11-01T00:00:00.000Z'],
      ['c-other', 'acme/pool#8', '2026-11-03T00:00:00.000Z'],
    ] as const)
      insert.run(id, opp, at, at);
    old.close();

    const store = createSqliteStore(dir);
    await store.ready();
    expect((await store.proposals.openDraftFor('github:acme/pool#7'))?.id).toBe('a-first');
    expect(await store.proposals.get('b-second')).toMatchObject({
      state: 'rejected',
      rejectReason: 'duplicate of an earlier open draft',
    });
    expect((await store.proposals.get('c-other'))?.state).toBe('drafted');
    await store.close();
  });

  it('leaves WAL checkpoints to checkpoint(), off the request path', async () => {
    const dir = tempDir();
    const store = createSqliteStore(dir);
    const file = join(dir, 'gigops.sqlite');
    const before = statSync(file).size;
    // About 1,250 pages of WAL: past SQLite's default checkpoint at 1,000.
    const payload = 'x'.repeat(25_000);
    for (let i = 0; i < 200; i++)
      await store.delivery.recordWebhookEvent({
        id: `d${i}`,
        event: 'pull_request',
        payload,
        receivedAt: new Date(),
      });
    expect(statSync(file).size).toBe(before);
    await store.checkpoint?.();
    expect(statSync(file).size).toBeGreaterThan(200 * 25_000);
    await store.close();
  });

  it('applies only the migrations a file has not seen', () => {
    const file = join(tempDir(), 'gigops.sqlite');
    openSqlite(file, migrations.slice(0, 1)).close();
    const extra = { id: '9999_test_extra', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY)' };
    const db = openSqlite(file, [...migrations, extra]);
    expect(
      db.prepare("SELECT id FROM schema_migrations WHERE id = '9999_test_extra'").get(),
    ).toBeTruthy();
    db.close();
  });

  it('rolls back a failing migration as a whole', () => {
    const file = join(tempDir(), 'gigops.sqlite');
    const bad = {
      id: '9999_bad',
      sql: 'CREATE TABLE half (id INTEGER); SELECT * FROM missing_table;',
    };
    expect(() => openSqlite(file, [...migrations, bad])).toThrow(/missing_table/);
    const db = openSqlite(file);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });
});
