import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { transaction } from '../src/store/sqlite/db.ts';
import { sqliteSql } from '../src/store/sqlite/sql.ts';

/**
 * A full disk, for real: `max_page_count` caps the file at its current size, so
 * the next pages SQLite needs fail with SQLITE_FULL, as on a full filesystem.
 * SQLite then rolls the transaction back itself; our ROLLBACK must not replace
 * the cause with "cannot rollback - no transaction is active".
 */
describe('a full disk surfaces as SQLITE_FULL', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const fullDatabase = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gigops-full-'));
    dirs.push(dir);
    const file = join(dir, 'gigops.sqlite');
    const db = new DatabaseSync(file);
    db.exec('CREATE TABLE t (x TEXT)');
    const { page_count } = db.prepare('PRAGMA page_count').get() as { page_count: number };
    db.exec(`PRAGMA max_page_count = ${page_count + 2}`);
    return { db, file };
  };

  it('in the Sql port’s transaction', async () => {
    const { db, file } = fullDatabase();
    const sql = sqliteSql(db, file);
    const failure = sql.transaction(async (tx) => {
      for (let i = 0; i < 100; i++) await tx.run('INSERT INTO t VALUES (?)', ['x'.repeat(4_000)]);
    });
    await expect(failure).rejects.toThrow(/database or disk is full/);
    // The connection is usable again: the next transaction is not refused as nested.
    await expect(sql.transaction(async (tx) => tx.get('SELECT 1 AS one'))).resolves.toEqual({
      one: 1,
    });
    db.close();
  });

  it('in the migrations’ synchronous transaction', () => {
    const { db } = fullDatabase();
    expect(() =>
      transaction(db, () => {
        for (let i = 0; i < 100; i++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(4_000));
      }),
    ).toThrow(/database or disk is full/);
    db.close();
  });
});
