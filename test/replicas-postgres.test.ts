import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../src/store/postgres/index.ts';
import { snapshotPages } from './fixtures/snapshot-data-source.ts';
import { type BotProcess, startBotProcess } from './support/bot-process.ts';
import { BOT_TOKEN, SIGNING_SECRET, tempDir } from './support/env.ts';
import { FakeNotionSnapshots } from './support/fake-notion-snapshots.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { SNAPSHOT_YAML } from './support/snapshot-deps.ts';
import { postgresAvailable, TEST_DATABASE_URL } from './support/stores.ts';

// Two real bot processes on one fresh PostgreSQL database, as two replicas behind a load
// balancer. An hourly snapshot cron makes the last slot at most an hour old, well within
// the 6 h grace window, so both replicas try to post it late on start-up: one must. The
// test holds a lock on job_slots until both are waiting on it, so both look for the slot
// at the same moment and the race is decided by the claim alone, not by start-up timing.
const database = `gigops_replicas_${randomBytes(6).toString('hex')}`;
const admin = () => new pg.Client({ connectionString: TEST_DATABASE_URL });
const databaseUrl = () => {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
};

let slack: FakeSlack;
let notion: FakeNotionSnapshots;
const bots: BotProcess[] = [];

beforeAll(async () => {
  if (!postgresAvailable) return;
  const client = admin();
  await client.connect();
  await client.query(`CREATE DATABASE ${database}`);
  await client.end();
  slack = await new FakeSlack().start();
  notion = await new FakeNotionSnapshots('ds-delivery').start();
  notion.pages = snapshotPages;
});

afterAll(async () => {
  if (!postgresAvailable) return;
  for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await Promise.all(bots.map((b) => b.exited));
  await slack.stop();
  await notion.stop();
  const client = admin();
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await client.end();
});

describe.skipIf(!postgresAvailable)('two replicas on one PostgreSQL', () => {
  it('post a missed snapshot slot exactly once when they start together', async () => {
    const config = join(tempDir(), 'gigops.yaml');
    writeFileSync(config, SNAPSHOT_YAML('UTC', '      cron: "0 * * * *"\n      graceHours: 6'));
    const env = (name: string) => ({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      GITHUB_API_URL: 'http://127.0.0.1:9',
      NOTION_TOKEN: 'secret_test',
      NOTION_API_URL: notion.url,
      DATABASE_URL: databaseUrl(),
      GIGOPS_CONFIG: config,
      DATA_DIR: tempDir(`gigops-${name}-`),
      PORT: '0',
      LOG_LEVEL: 'info',
    });
    await (await createPostgresStore({ connectionString: databaseUrl() })).close(); // migrated
    const gate = new pg.Client({ connectionString: databaseUrl() });
    await gate.connect();
    await gate.query('BEGIN');
    await gate.query('LOCK TABLE job_slots IN ACCESS EXCLUSIVE MODE');

    bots.push(startBotProcess(env('a')), startBotProcess(env('b')));
    const ports = await Promise.all(bots.map((b) => b.ready));
    await waitFor(async () => {
      const { rows } = await gate.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
        [database],
      );
      return rows[0].n === 2;
    }, 'both replicas waiting to read the snapshot slot');
    await gate.query('COMMIT');
    await gate.end();
    // A bot that has answered a request has its signal handlers installed (they come right
    // after the ready line), and its start-up catch-up is tracked work a graceful stop waits for.
    for (const port of ports)
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).ok).toBe(true);
    for (const bot of bots) bot.child.kill('SIGTERM');
    const exits = await Promise.all(bots.map((b) => b.exited));
    expect(exits.map(([code]) => code)).toEqual([0, 0]);
    const logs = bots.map((b) => b.output());
    for (const log of logs) {
      expect(log).toContain('"store":"postgres"');
      expect(log).not.toContain('gave up waiting');
    }

    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params.channel).toBe('C0ACME');
    expect(JSON.stringify(posts[0]?.params.blocks)).toContain('Posted late');
    expect(logs.join('').match(/"msg":"snapshot posted"/g)).toHaveLength(1);

    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      const slots = await client.query("SELECT * FROM job_slots WHERE job = 'snapshot:acme'");
      expect(slots.rows).toHaveLength(1);
      expect(slots.rows[0]).toMatchObject({ result: expect.any(String) });
      expect(slots.rows[0].completed_at).not.toBeNull();
      const history = await client.query('SELECT week, ts FROM client_snapshots');
      expect(history.rows).toEqual([{ week: slots.rows[0].slot, ts: slots.rows[0].result }]);
    } finally {
      await client.end();
    }
  });
});

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
