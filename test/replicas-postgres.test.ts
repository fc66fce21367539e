import { afterEach, describe, expect, it } from 'vitest';
import { snapshotPages } from './fixtures/snapshot-data-source.ts';
import type { BotProcess } from './support/bot-process.ts';
import { FakeNotionSnapshots } from './support/fake-notion-snapshots.ts';
import { FakeSlack } from './support/fake-slack.ts';
import {
  closeTable,
  freshDatabase,
  killReplicas,
  startReplicas,
  stopReplicas,
  type TestDatabase,
} from './support/replicas.ts';
import { TestSmtp } from './support/smtp.ts';
import { SNAPSHOT_YAML } from './support/snapshot-deps.ts';
import { postgresAvailable } from './support/stores.ts';

// Two real bot processes on one fresh PostgreSQL database, as two replicas behind a load
// balancer. An hourly snapshot cron makes the last slot at most an hour old, well within
// the 6 h grace window, so both replicas try to post it late on start-up: one must. The
// test holds a lock on job_slots until both are waiting on it, so both look for the slot
// at the same moment and the race is decided by the claim alone, not by start-up timing.
// Digests, webhooks and reconciliation: replicas-postgres-jobs.test.ts.
let bots: BotProcess[] = [];
const cleanup: Array<() => Promise<void>> = [];

afterEach(async () => {
  await killReplicas(bots.splice(0));
  for (const done of cleanup.splice(0).reverse()) await done();
});

describe.skipIf(!postgresAvailable)('two replicas on one PostgreSQL', () => {
  it('post a missed snapshot slot exactly once when they start together', async () => {
    const db = await freshDatabase();
    cleanup.push(db.drop);
    const slack = await new FakeSlack().start();
    const notion = await new FakeNotionSnapshots('ds-delivery').start();
    cleanup.push(
      () => slack.stop(),
      () => notion.stop(),
    );
    notion.pages = snapshotPages;
    const gate = await closeTable(db, 'job_slots');

    bots = startReplicas({
      db,
      yaml: SNAPSHOT_YAML('UTC', '      cron: "0 * * * *"\n      graceHours: 6'),
      env: { NOTION_TOKEN: 'secret_test', NOTION_API_URL: notion.url },
      slackApiUrl: slack.apiUrl,
    });
    const ports = await Promise.all(bots.map((b) => b.ready));
    await gate.waiting(2, 'both replicas waiting to read the snapshot slot');
    await gate.open();
    // A bot that has answered a request has its signal handlers installed (they come right
    // after the ready line), and its start-up catch-up is tracked work a graceful stop waits for.
    for (const port of ports)
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).ok).toBe(true);
    expect(await stopReplicas(bots)).toEqual([0, 0]);
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

    await expectOneSnapshot(db);
  });

  it('e-mail a missed week exactly once when they start together (issue 23)', async () => {
    const db = await freshDatabase();
    cleanup.push(db.drop);
    const slack = await new FakeSlack().start();
    const notion = await new FakeNotionSnapshots('ds-delivery').start();
    const smtp = await new TestSmtp().start();
    cleanup.push(
      () => slack.stop(),
      () => notion.stop(),
      () => smtp.stop(),
    );
    notion.pages = snapshotPages;
    const gate = await closeTable(db, 'job_slots');
    bots = startReplicas({
      db,
      yaml: SNAPSHOT_YAML(
        'UTC',
        '      cron: "0 * * * *"\n      graceHours: 6\n    email: [cto@acme.example]',
      ),
      env: {
        NOTION_TOKEN: 'secret_test',
        NOTION_API_URL: notion.url,
        SMTP_URL: smtp.url,
        EMAIL_FROM: 'reports@freelancer.example',
      },
      slackApiUrl: slack.apiUrl,
    });
    const ports = await Promise.all(bots.map((b) => b.ready));
    await gate.waiting(2, 'both replicas waiting to read the snapshot slot');
    await gate.open();
    for (const port of ports)
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).ok).toBe(true);
    // A graceful stop waits for the e-mail, tracked work of the replica that sends it.
    expect(await stopReplicas(bots)).toEqual([0, 0]);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.rcptTo).toEqual(['cto@acme.example']);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    const logs = bots.map((b) => b.output()).join('');
    expect(logs.match(/"msg":"snapshot e-mailed"/g)).toHaveLength(1);
    expect(logs).not.toContain('gave up waiting');
    const reports = await db.query('SELECT client_id FROM client_reports');
    expect(reports).toHaveLength(1);
    const sent = await db.query(
      "SELECT state, attempts FROM report_deliveries WHERE channel = 'email'",
    );
    expect(sent).toEqual([{ state: 'sent', attempts: 1 }]);
    await expectOneSnapshot(db);
  });
});

async function expectOneSnapshot(db: TestDatabase) {
  const slots = await db.query("SELECT * FROM job_slots WHERE job = 'snapshot:acme'");
  expect(slots).toHaveLength(1);
  expect(slots[0]).toMatchObject({ result: expect.any(String) });
  expect(slots[0]!.completed_at).not.toBeNull();
  const history = await db.query('SELECT week, ts FROM client_snapshots');
  expect(history).toEqual([{ week: slots[0]!.slot, ts: slots[0]!.result }]);
}
