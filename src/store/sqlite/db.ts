import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrations as allMigrations, type Migration } from '../migrations.ts';
import { rollback } from './sql.ts';

/** Opens (creating if needed) a SQLite file in WAL mode and applies pending migrations. */
export function openSqlite(path: string, migrations: Migration[] = allMigrations): DatabaseSync {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  // WAL checkpoints copy the log into the file and fsync it: milliseconds to
  // tens of them. SQLite runs one inside whichever commit crosses 1000 pages,
  // which may be a webhook's record before its 202; the bot checkpoints when
  // idle instead (Store.checkpoint), and 10,000 pages (~40 MB) is the backstop.
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA wal_autocheckpoint = 10000;',
  );
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    db
      .prepare('SELECT id FROM schema_migrations')
      .all()
      .map((r) => String(r.id)),
  );
  for (const m of migrations) {
    if (applied.has(m.id)) continue;
    transaction(db, () => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(
        m.id,
        new Date().toISOString(),
      );
    });
  }
  return db;
}

/** Runs fn in one IMMEDIATE transaction: all or nothing, and writers queue. */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    rollback(db);
    throw error;
  }
}
