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
    id: '0002_radar',
    sql: `
      CREATE TABLE IF NOT EXISTS opportunities (
        id TEXT PRIMARY KEY,
        repo TEXT NOT NULL,
        number INTEGER NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        labels TEXT NOT NULL,
        body_excerpt TEXT NOT NULL,
        stars INTEGER NOT NULL,
        comments INTEGER NOT NULL,
        score REAL NOT NULL,
        reasons TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        shown_at TEXT,
        posted_in_digest_at TEXT,
        dismissed_at TEXT,
        proposed_at TEXT,
        listed_channel TEXT,
        listed_ts TEXT
      );
    `,
  },
];
