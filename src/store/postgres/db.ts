import pg from 'pg';
import { migrations as allMigrations, type Migration } from '../migrations.ts';

export type Pool = pg.Pool;

export interface PostgresOptions {
  connectionString: string;
  /** A schema to keep gigops' tables in (created when missing); default `public`. */
  schema?: string;
  max?: number;
  /**
   * Milliseconds before a query is given up on (client side, so a silent server
   * cannot hang it) and, on the server, `statement_timeout`. Below GitHub's 10 s
   * so a webhook is answered 503 in time when the store cannot record it.
   */
  queryTimeoutMs?: number;
  /** Milliseconds to wait for a new connection. */
  connectTimeoutMs?: number;
}

/** A pooled connection whose sessions use `schema`, with migrations applied once. */
export async function openPostgres(
  {
    connectionString,
    schema,
    max = 10,
    queryTimeoutMs = 5_000,
    connectTimeoutMs = 3_000,
  }: PostgresOptions,
  migrations: Migration[] = allMigrations,
): Promise<Pool> {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: connectTimeoutMs,
    query_timeout: queryTimeoutMs,
    statement_timeout: queryTimeoutMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', () => {});
  const client = await pool.connect();
  try {
    // Replicas starting together take turns (CREATE … IF NOT EXISTS races otherwise).
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['gigops:migrations']);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const { rows } = await client.query<{ id: string }>('SELECT id FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.id));
    for (const m of migrations) {
      if (applied.has(m.id)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.postgres ?? m.sql);
        await client.query('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [
          m.id,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        // Keep the first error: a failed ROLLBACK (a lost connection) would hide it.
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    }
  } finally {
    await client
      .query('SELECT pg_advisory_unlock(hashtext($1))', ['gigops:migrations'])
      .catch(() => {});
    client.release();
  }
  return pool;
}
