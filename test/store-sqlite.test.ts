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

  it('claims a job slot once, across store instances on the same file', async () => {
    const dir = tempDir();
    const a = createSqliteStore(dir);
    const b = createSqliteStore(dir);
    const now = new Date('2026-11-25T09:00:00Z');
    const claims = await Promise.all([
      a.jobs.claimSlot('snapshot:acme', '2026-W48', 'a', now),
      b.jobs.claimSlot('snapshot:acme', '2026-W48', 'b', now),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await a.jobs.completeSlot('snapshot:acme', '2026-W48', '1700000000.000100', now);
    expect(await b.jobs.getSlot('snapshot:acme', '2026-W48')).toMatchObject({
      owner: 'a',
      result: '1700000000.000100',
    });
    await a.close();
    await b.close();
  });

  it('gives back an unfinished slot, but never a completed one', async () => {
    const store = createSqliteStore(tempDir());
    const now = new Date();
    expect(await store.jobs.claimSlot('digest', 's1', 'me', now)).toBe(true);
    await store.jobs.releaseSlot('digest', 's1', 'me');
    expect(await store.jobs.claimSlot('digest', 's1', 'other', now)).toBe(true);
    await store.jobs.completeSlot('digest', 's1', undefined, now);
    await store.jobs.releaseSlot('digest', 's1', 'other');
    expect(await store.jobs.claimSlot('digest', 's1', 'third', now)).toBe(false);
    await store.meta.set('etag', 'W/"1"');
    await store.meta.set('etag', 'W/"2"');
    expect(await store.meta.get('etag')).toBe('W/"2"');
    await store.close();
  });
});
