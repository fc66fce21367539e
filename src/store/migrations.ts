/**
 * Schema changes, applied in order and recorded by id. SQL is kept to the
 * common subset of SQLite and PostgreSQL (TEXT, INTEGER, BIGINT, timestamps as
 * ISO-8601 TEXT) so both engines run the same list. Append; never edit a
 * migration that has shipped.
 */
export interface Migration {
  id: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    id: '0001_foundation',
    sql: `
      CREATE TABLE IF NOT EXISTS job_slots (
        job TEXT NOT NULL,
        slot TEXT NOT NULL,
        owner TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        completed_at TEXT,
        result TEXT,
        PRIMARY KEY (job, slot)
      );
      CREATE TABLE IF NOT EXISTS meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    id: '0005_snapshots',
    sql: `
      CREATE TABLE IF NOT EXISTS client_snapshots (
        client_id TEXT NOT NULL,
        week TEXT NOT NULL,
        posted_at TEXT NOT NULL,
        points_done REAL NOT NULL,
        points_total REAL NOT NULL,
        count_done INTEGER NOT NULL,
        count_total INTEGER NOT NULL,
        ts TEXT,
        PRIMARY KEY (client_id, week)
      );
    `,
  },
];
