import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createPostgresStore } from '../../src/store/postgres/index.ts';
import { type BotProcess, startBotProcess } from './bot-process.ts';
import { BOT_TOKEN, SIGNING_SECRET, tempDir } from './env.ts';
import { TEST_DATABASE_URL } from './stores.ts';

/**
 * Helpers for tests that run several bot processes on one PostgreSQL database,
 * as replicas behind a load balancer.
 */

export interface TestDatabase {
  url: string;
  /** One query, on a connection of its own. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params?: unknown[],
  ): Promise<T[]>;
  drop(): Promise<void>;
}

async function onAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, migrated database (its own name, so tests and replicas of other tests never meet). */
export async function freshDatabase(): Promise<TestDatabase> {
  const name = `gigops_replicas_${randomBytes(6).toString('hex')}`;
  await onAdmin(`CREATE DATABASE ${name}`);
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  await (await createPostgresStore({ connectionString: url })).close(); // migrated
  return {
    url,
    async query(sql, params = []) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    drop: () => onAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export interface TableGate {
  /** Resolves once `n` sessions of the database wait on a lock (i.e. on this gate). */
  waiting(n: number, what: string): Promise<void>;
  /** Lets them all go at once. */
  open(): Promise<void>;
}

/**
 * Locks `table` until opened, so replicas that reach it queue behind the lock
 * and then race at the same moment: the outcome is decided by the store's
 * claim alone, not by start-up timing. SHARE mode still lets them read it.
 */
export async function closeTable(
  db: TestDatabase,
  table: string,
  mode: 'ACCESS EXCLUSIVE' | 'SHARE' = 'ACCESS EXCLUSIVE',
): Promise<TableGate> {
  const gate = new pg.Client({ connectionString: db.url });
  gate.on('error', () => {}); // a failed test drops the database under it
  await gate.connect();
  await gate.query('BEGIN');
  await gate.query(`LOCK TABLE ${table} IN ${mode} MODE`);
  return {
    // Waiters on this table only: replicas starting up also wait briefly on
    // each other's row locks (job slots), which counting every lock wait in
    // the database took for, or added to, the waiters looked for.
    waiting: (n, what) =>
      waitFor(async () => {
        const { rows } = await gate.query(
          'SELECT count(DISTINCT pid)::int AS n FROM pg_locks WHERE relation = $1::regclass AND NOT granted',
          [table],
        );
        return rows[0].n >= n;
      }, what),
    async open() {
      await gate.query('COMMIT');
      await gate.end();
    },
  };
}

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface ReplicaOptions {
  db: TestDatabase;
  yaml: string;
  /** Added to (or overriding) the environment both replicas share. */
  env: Record<string, string>;
  slackApiUrl: string;
}

/** Two bot processes, `a` and `b`, on the same database and configuration. */
export function startReplicas({ db, yaml, env, slackApiUrl }: ReplicaOptions): BotProcess[] {
  const config = join(tempDir(), 'gigops.yaml');
  writeFileSync(config, yaml);
  return ['a', 'b'].map((name) =>
    startBotProcess({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slackApiUrl,
      GITHUB_API_URL: 'http://127.0.0.1:9',
      DATABASE_URL: db.url,
      GIGOPS_CONFIG: config,
      DATA_DIR: tempDir(`gigops-${name}-`),
      PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    }),
  );
}

/** SIGTERMs each replica and resolves with their exit codes once all have stopped. */
export async function stopReplicas(bots: BotProcess[]): Promise<Array<number | null>> {
  for (const bot of bots) bot.child.kill('SIGTERM');
  return (await Promise.all(bots.map((b) => b.exited))).map(([code]) => code);
}

/** SIGKILLs what is still running (afterEach/afterAll), and waits for it. */
export async function killReplicas(bots: BotProcess[]): Promise<void> {
  for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await Promise.all(bots.map((b) => b.exited));
}

/**
 * A cron of `* * * * * *` fires every second but claims the minute's slot
 * (the scheduler floors to the minute), so two replicas started together race
 * for one slot, unless their first ticks straddle a minute. This waits out the
 * last 10 s of a minute before they start (one run in six waits, at most 11 s),
 * and `sameMinute` then checks that the race stayed inside it.
 */
export async function minuteToRace(): Promise<{ sameMinute(): void }> {
  const second = new Date().getUTCSeconds();
  if (second >= 50) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
  const minute = Math.floor(Date.now() / 60_000);
  return {
    sameMinute() {
      if (Math.floor(Date.now() / 60_000) !== minute)
        throw new Error('the replicas took over 10 s to reach their first slot: slots may differ');
    },
  };
}
