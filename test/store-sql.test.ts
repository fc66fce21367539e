import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberPlaceholders } from '../src/store/postgres/sql.ts';
import { openSqlite } from '../src/store/sqlite/db.ts';
import { sqliteSql } from '../src/store/sqlite/sql.ts';
import { tempDir } from './support/env.ts';

describe('PostgreSQL placeholders', () => {
  it('numbers each ? in order, leaving quoted text and identifiers alone', () => {
    expect(
      numberPlaceholders(`SELECT '?', "a?b" FROM t WHERE x = ? AND y IN (?, ?) AND z = 'it''s ?'`),
    ).toBe(`SELECT '?', "a?b" FROM t WHERE x = $1 AND y IN ($2, $3) AND z = 'it''s ?'`);
  });
});

describe('SQLite transactions across awaits', () => {
  it('make a write on another connection to the same file wait its turn, not fail busy', async () => {
    const file = join(tempDir(), 'gigops.sqlite');
    const [db1, db2] = [openSqlite(file), openSqlite(file)];
    const [one, two] = [sqliteSql(db1, file), sqliteSql(db2, file)];
    const set = 'INSERT INTO meta (key, value) VALUES (?, ?)';
    let began!: () => void;
    let finish!: () => void;
    const inside = new Promise<void>((r) => {
      began = r;
    });
    const held = new Promise<void>((r) => {
      finish = r;
    });
    const tx = one.transaction(async (t) => {
      await t.run(set, ['a', '1']);
      began();
      await held;
      await t.run(set, ['b', '2']);
    });
    await inside;
    const write = two.run(set, ['c', '3']);
    finish();
    await Promise.all([tx, write]);
    expect(await two.all('SELECT key FROM meta ORDER BY key')).toEqual([
      { key: 'a' },
      { key: 'b' },
      { key: 'c' },
    ]);
    db1.close();
    db2.close();
  });
});
