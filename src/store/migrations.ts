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
    id: '0003_delivery',
    sql: `
      CREATE TABLE IF NOT EXISTS github_webhook_events (
        id TEXT PRIMARY KEY,
        event TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        received_at TEXT NOT NULL,
        processed_at TEXT
      );
      CREATE INDEX IF NOT EXISTS github_webhook_events_pending
        ON github_webhook_events (status, received_at);
      CREATE TABLE IF NOT EXISTS delivery_written (
        page_id TEXT PRIMARY KEY,
        pr_url TEXT NOT NULL,
        pr_updated_at TEXT NOT NULL,
        state TEXT NOT NULL,
        written_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS delivery_repo_cursors (
        repo TEXT PRIMARY KEY,
        etag TEXT,
        since TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS delivery_unmatched (
        pr_url TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        reported_at TEXT
      );
    `,
  },
];
