import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { afterEach, describe, expect, it } from 'vitest';
import type { BotProcess } from './support/bot-process.ts';
import { deliveryYaml, REPO } from './support/delivery.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { FakeGitHubPulls } from './support/fake-github-pulls.ts';
import { FakeNotion } from './support/fake-notion.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { githubHeaders } from './support/github-sign.ts';
import { radarIssues } from './support/radar.ts';
import {
  closeTable,
  freshDatabase,
  killReplicas,
  minuteToRace,
  startReplicas,
  stopReplicas,
} from './support/replicas.ts';
import { postgresAvailable } from './support/stores.ts';

// Two real bot processes on one fresh PostgreSQL database per test. Where they race for a
// cron slot, the cron fires every second (the slot is the minute), and a lock on the
// table they claim in holds both until both are waiting on it: they then claim at the
// same moment, and only the store decides. Snapshots: replicas-postgres.test.ts.
let bots: BotProcess[] = [];
const cleanup: Array<() => Promise<void>> = [];

afterEach(async () => {
  await killReplicas(bots.splice(0));
  for (const done of cleanup.splice(0).reverse()) await done();
});

async function fresh() {
  const db = await freshDatabase();
  cleanup.push(db.drop);
  const slack = await new FakeSlack().start();
  cleanup.push(() => slack.stop());
  return { db, slack };
}

async function started<T extends { start(): Promise<T>; stop(): Promise<void> }>(fake: T) {
  await fake.start();
  cleanup.push(() => fake.stop());
  return fake;
}

const SECRET = 'replicas-webhook-secret';
const PR_URL = `https://github.com/${REPO}/pull/2`;
const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** A real `pull_request` `opened` delivery for Codertocat/Hello-World#2. */
const openedBody = () =>
  JSON.stringify((examples.find((e) => e.name === 'pull_request')!.examples as unknown[])[0]);
const pageWrites = (notion: FakeNotion, page: string) =>
  notion.writes.filter((w) => w.path === `/v1/pages/${page.replace(/-/g, '')}`);

// A race may first wait up to 11 s for a fresh minute (minuteToRace).
describe.skipIf(!postgresAvailable)('two replicas on one PostgreSQL', { timeout: 45_000 }, () => {
  it('post one digest for a slot both fire', async () => {
    const { db, slack } = await fresh();
    const github = await started(new FakeGitHub());
    github.issues = radarIssues(6, new Date());
    const race = await minuteToRace();
    const gate = await closeTable(db, 'job_slots');
    bots = startReplicas({
      db,
      // Every opportunity fits one page, so a later slot has nothing new to post.
      yaml: 'radar:\n  pageSize: 10\n  digest:\n    channel: C0DIGEST\n    cron: "* * * * * *"\n',
      env: { GITHUB_API_URL: github.url },
      slackApiUrl: slack.apiUrl,
    });
    await Promise.all(bots.map((b) => b.ready));
    await gate.waiting(2, 'both replicas claiming the digest slot');
    race.sameMinute();
    await gate.open();
    const post = await slack.waitFor('chat.postMessage');
    expect(await stopReplicas(bots)).toEqual([0, 0]);

    expect(slack.callsTo('chat.postMessage')).toEqual([post]);
    expect(post.params.channel).toBe('C0DIGEST');
    const blocks = post.params.blocks as Array<{ block_id?: string }>;
    expect(blocks.filter((b) => b.block_id?.startsWith('opp:'))).toHaveLength(6);
    const posted = await db.query(
      `SELECT listed_ts AS ts, count(*)::int AS n FROM opportunities
       WHERE posted_in_digest_at IS NOT NULL GROUP BY listed_ts`,
    );
    expect(posted).toEqual([{ ts: expect.stringMatching(/^\d+\.\d+$/), n: 6 }]);
    // Later slots (the cron keeps firing until SIGTERM) found nothing new.
    const slots = await db.query(
      "SELECT slot, result FROM job_slots WHERE job = 'digest' AND result <> 'nothing new'",
    );
    expect(slots).toEqual([{ slot: expect.any(String), result: posted[0]!.ts }]);
    // Both fired that slot; one ran it.
    const ran = bots
      .flatMap((b) => b.output().split('\n'))
      .filter((l) => l.includes('"msg":"digest done"') && l.includes(`"slot":"${slots[0]!.slot}"`));
    expect(ran).toHaveLength(1);
  });

  it('write one Notion update for a webhook delivery sent to both at once', async () => {
    const { db, slack } = await fresh();
    const notion = await started(new FakeNotion({ rate: 0 }));
    const pulls = await started(new FakeGitHubPulls());
    const item = notion.addItem({ title: 'Hello page', status: 'Not started', pr: PR_URL });
    pulls.setPull(REPO, { number: 2, headSha: HEAD_SHA, updatedAt: '2019-05-15T15:20:33Z' });
    bots = startReplicas({
      db,
      yaml: deliveryYaml(notion.dataSourceId, '  pollCron: "0 0 1 1 *"\n'),
      env: {
        GITHUB_API_URL: pulls.url,
        GITHUB_WEBHOOK_SECRET: SECRET,
        NOTION_TOKEN: 'secret_test',
        NOTION_API_URL: notion.url,
      },
      slackApiUrl: slack.apiUrl,
    });
    const ports = await Promise.all(bots.map((b) => b.ready));

    // GitHub's redelivery of one delivery (same X-GitHub-Delivery), reaching both replicas.
    const body = openedBody();
    const headers = githubHeaders('pull_request', body, SECRET, 'delivery-to-both');
    const gate = await closeTable(db, 'github_webhook_events', 'SHARE');
    const answers = ports.map((port) =>
      fetch(`http://127.0.0.1:${port}/github/webhook`, { method: 'POST', body, headers }),
    );
    await gate.waiting(2, 'both replicas recording the delivery');
    await gate.open();
    const statuses = await Promise.all(answers.map(async (a) => (await a).status));
    expect(statuses.sort()).toEqual([200, 202]);
    await notion.waitFor((r) => r.method === 'PATCH' && r.status === 200);
    expect(await stopReplicas(bots)).toEqual([0, 0]);

    expect(pageWrites(notion, item)).toHaveLength(1);
    expect(notion.value(item, 'Status')).toBe('🔄 In Review');
    expect(await db.query('SELECT id, status FROM github_webhook_events')).toEqual([
      { id: 'delivery-to-both', status: 'done' },
    ]);
  });

  it('replay a delivery a crash left pending once, when both start', async () => {
    const { db, slack } = await fresh();
    const notion = await started(new FakeNotion({ rate: 0 }));
    const pulls = await started(new FakeGitHubPulls());
    const item = notion.addItem({ title: 'Hello page', status: 'Not started', pr: PR_URL });
    pulls.setPull(REPO, { number: 2, headSha: HEAD_SHA, updatedAt: '2019-05-15T15:20:33Z' });
    await db.query(
      `INSERT INTO github_webhook_events (id, event, payload, status, attempts, received_at)
       VALUES ('delivery-left-pending', 'pull_request', $1, 'pending', 0, $2)`,
      [openedBody(), new Date().toISOString()],
    );
    // Reading the queue passes; taking the delivery waits until both replicas try to.
    const gate = await closeTable(db, 'github_webhook_events', 'SHARE');
    bots = startReplicas({
      db,
      yaml: deliveryYaml(notion.dataSourceId, '  pollCron: "0 0 1 1 *"\n'),
      env: { GITHUB_API_URL: pulls.url, NOTION_TOKEN: 'secret_test', NOTION_API_URL: notion.url },
      slackApiUrl: slack.apiUrl,
    });
    await Promise.all(bots.map((b) => b.ready));
    await gate.waiting(2, 'both replicas claiming the pending delivery');
    await gate.open();
    await notion.waitFor((r) => r.method === 'PATCH' && r.status === 200);
    expect(await stopReplicas(bots)).toEqual([0, 0]);

    expect(pageWrites(notion, item)).toHaveLength(1);
    expect(await db.query('SELECT status, attempts FROM github_webhook_events')).toEqual([
      { status: 'done', attempts: 0 },
    ]);
  });

  it('run one reconciliation for a slot both fire: one set of Notion writes', async () => {
    const { db, slack } = await fresh();
    const notion = await started(new FakeNotion({ rate: 0 }));
    const pulls = await started(new FakeGitHubPulls());
    const items = [1, 3].map((n) =>
      notion.addItem({
        title: `Change ${n}`,
        status: 'Not started',
        pr: `https://github.com/${REPO}/pull/${n}`,
      }),
    );
    pulls.setPull(REPO, { number: 1, updatedAt: '2026-11-20T09:00:00Z' });
    pulls.setPull(REPO, { number: 3, mergedAt: '2026-11-20T10:00:00Z', state: 'closed' });
    const race = await minuteToRace();
    const gate = await closeTable(db, 'job_slots');
    bots = startReplicas({
      db,
      yaml: deliveryYaml(notion.dataSourceId, '  pollCron: "* * * * * *"\n'),
      env: { GITHUB_API_URL: pulls.url, NOTION_TOKEN: 'secret_test', NOTION_API_URL: notion.url },
      slackApiUrl: slack.apiUrl,
    });
    await Promise.all(bots.map((b) => b.ready));
    await gate.waiting(2, 'both replicas claiming the reconciliation slot');
    race.sameMinute();
    await gate.open();
    await notion.waitFor(() => notion.value(items[1]!, 'Status') === '✅ Done');
    await notion.waitFor(() => notion.value(items[0]!, 'Status') === '🔄 In Review');
    expect(await stopReplicas(bots)).toEqual([0, 0]);

    expect(items.map((page) => pageWrites(notion, page).length)).toEqual([1, 1]);
    const runs = await db.query(
      "SELECT result FROM job_slots WHERE job = 'delivery-reconcile' AND result LIKE '%\"updated\":2%'",
    );
    expect(runs).toHaveLength(1);
  });
});
