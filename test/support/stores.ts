import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresStore } from '../../src/store/postgres/index.ts';
import { createSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
import { tempDir } from './env.ts';

/** The PostgreSQL server store tests use: the machine's, unless told otherwise. */
export const TEST_DATABASE_URL =
  process.env.GIGOPS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const postgresAvailable = await reachable(TEST_DATABASE_URL);
if (!postgresAvailable) {
  process.stdout.write(
    `\n[store tests] PostgreSQL is not reachable at ${TEST_DATABASE_URL}: the PostgreSQL store tests are SKIPPED (set GIGOPS_TEST_DATABASE_URL to run them)\n`,
  );
}

/** A place a store lives: opening it twice gives two stores on the same data, as two replicas. */
export interface StoreLocation {
  open(): Promise<Store>;
}

export interface Engine {
  name: 'sqlite' | 'postgres';
  available: boolean;
  /** A fresh, empty location (a temp folder; a new schema). */
  location(): StoreLocation;
}

const schemas: string[] = [];

/** Drops the PostgreSQL schemas this test file created (call from afterAll). */
export async function dropTestSchemas(): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    for (const schema of schemas.splice(0))
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export const engines: Engine[] = [
  {
    name: 'sqlite',
    available: true,
    location() {
      const dir = tempDir();
      return { open: async () => createSqliteStore(dir) };
    },
  },
  {
    name: 'postgres',
    available: postgresAvailable,
    location() {
      const schema = `gigops_test_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      return {
        open: () => createPostgresStore({ connectionString: TEST_DATABASE_URL, schema, max: 4 }),
      };
    },
  },
];
