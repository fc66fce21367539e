import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PRUNE_JOB, RECONCILE_JOB } from '../src/features/delivery/jobs.ts';
import { createLogger } from '../src/log.ts';
import { createSqliteStore } from '../src/store/sqlite/index.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { deliveryYaml, REPO } from './support/delivery.ts';
import { tempDir } from './support/env.ts';
import { FakeGitHubPulls } from './support/fake-github-pulls.ts';
import { FakeNotion } from './support/fake-notion.ts';
import { githubHeaders } from './support/github-sign.ts';

const SECRET = 'webhook-secret-for-tests';
type Example = { action: string; pull_request: Record<string, unknown> };
const pullRequestExamples = examples.find((e) => e.name === 'pull_request')!
  .examples as unknown as Example[];
const example = (action: string) =>
  JSON.stringify(pullRequestExamples.find((e) => e.action === action));
const PR_URL = 'https://github.com/Codertocat/Hello-World/pull/2';
const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

async function fakes() {
  const notion = await new FakeNotion().start();
  const github = await new FakeGitHubPulls().start();
  // The same pull request as the webhook examples, as GitHub's API would return it.
  github.setPull(REPO, { number: 2, headSha: HEAD_SHA, updatedAt: '2019-05-15T15:20:33Z' });
  github.checkRuns.set(HEAD_SHA, [{ status: 'completed', conclusion: 'success' }]);
  return { notion, github };
}

const TIMELINE = 'timeline-data-source';

function bot(
  notion: FakeNotion,
  github: FakeGitHubPulls,
  dataDir = tempDir(),
  options: Parameters<typeof startTestBot>[2] = {},
) {
  notion.otherDataSources.set(TIMELINE, {
    Change: { type: 'title' },
    PR: { type: 'url' },
    When: { type: 'date' },
  });
  return startTestBot(
    deliveryYaml(notion.dataSourceId, `    timelineDataSourceId: ${TIMELINE}\n`),
    {
      GITHUB_WEBHOOK_SECRET: SECRET,
      NOTION_TOKEN: 'secret_notion_token',
      NOTION_API_URL: notion.url,
      GITHUB_API_URL: github.url,
      DATA_DIR: dataDir,
    },
    options,
  );
}

const post = (t: TestBot, body: string, headers: Record<string, string>) =>
  fetch(`${t.url}/github/webhook`, { method: 'POST', body, headers });

const patchSetting = (notion: FakeNotion, status: string) =>
  notion.waitFor(
    (r) =>
      r.method === 'PATCH' &&
      r.status === 200 &&
      JSON.stringify(r.body).includes(JSON.stringify(status)),
  );

describe('POST /github/webhook', () => {
  let t: TestBot;
  let notion: FakeNotion;
  let github: FakeGitHubPulls;
  let item: string;
  beforeAll(async () => {
    ({ notion, github } = await fakes());
    item = notion.addItem({ title: 'Hello page', status: 'Not started', pr: PR_URL });
    t = await bot(notion, github);
  });
  afterAll(async () => {
    await t.close();
    await notion.stop();
    await github.stop();
  });

  it('moves the item holding the PR URL to In Review with the CI result, after a 202', async () => {
    const body = example('opened');
    const res = await post(t, body, githubHeaders('pull_request', body, SECRET));
    expect(res.status).toBe(202);
    const write = await patchSetting(notion, '🔄 In Review');
    expect(write.path).toBe(`/v1/pages/${item.replace(/-/g, '')}`);
    expect(write.body).toEqual({
      properties: {
        Status: { status: { name: '🔄 In Review' } },
        QA: { select: { name: 'success' } },
      },
    });
    expect(notion.value(item, 'Status')).toBe('🔄 In Review');
  });

  it('appends the status change to the timeline data source', async () => {
    const row = await notion.waitFor((r) => r.method === 'POST' && r.path === '/v1/pages');
    expect(row.body).toEqual({
      parent: { data_source_id: TIMELINE },
      properties: {
        Change: { title: [{ text: { content: 'Hello page: Not started → 🔄 In Review' } }] },
        PR: { url: PR_URL },
        When: { date: { start: expect.any(String) } },
      },
    });
  });

  it('updates QA when a check suite completes, reading the pull request from GitHub', async () => {
    github.checkRuns.set(HEAD_SHA, [
      { status: 'completed', conclusion: 'success' },
      { status: 'completed', conclusion: 'failure' },
    ]);
    const suite = examples.find((e) => e.name === 'check_suite')!.examples[0];
    const body = JSON.stringify(suite);
    const res = await post(t, body, githubHeaders('check_suite', body, SECRET));
    expect(res.status).toBe(202);
    await notion.waitFor(() => notion.value(item, 'QA') === 'failure');
    expect(github.requests.map((r) => r.path)).toContain('/repos/Codertocat/Hello-World/pulls/2');
  });

  it.each([
    ['unsigned', undefined],
    ['wrongly signed', 'not-the-secret'],
  ])('rejects an %s delivery with 401 and runs nothing', async (_name, secret) => {
    const body = example('closed');
    const res = await post(t, body, githubHeaders('pull_request', body, secret));
    expect(res.status).toBe(401);
    // A signed delivery after it is a barrier: deliveries are processed in
    // order, so once its write lands a wrongly accepted one would have too.
    const barrier = example('converted_to_draft');
    expect((await post(t, barrier, githubHeaders('pull_request', barrier, SECRET))).status).toBe(
      202,
    );
    await patchSetting(notion, '📝 Draft');
    expect(notion.writes.filter((w) => JSON.stringify(w.body).includes('⛔ Closed'))).toEqual([]);
    // Back to In Review for the next case.
    const reopen = example('ready_for_review');
    await post(t, reopen, githubHeaders('pull_request', reopen, SECRET));
    await notion.waitFor(() => notion.value(item, 'Status') === '🔄 In Review');
  });

  it('schedules the daily pruning of finished deliveries beside reconciliation', () => {
    const jobs = t.bot.scheduler.nextRuns().map((r) => r.name);
    expect(jobs).toEqual(expect.arrayContaining([RECONCILE_JOB, PRUNE_JOB]));
  });

  it('processes each X-GitHub-Delivery once', async () => {
    const body = example('synchronize');
    const headers = githubHeaders('pull_request', body, SECRET, 'delivery-dup-1');
    expect((await post(t, body, headers)).status).toBe(202);
    const again = await post(t, body, headers);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ duplicate: 'delivery-dup-1' });
    const before = github.requests.length;
    const barrier = example('converted_to_draft');
    await post(t, barrier, githubHeaders('pull_request', barrier, SECRET));
    // Only the barrier read GitHub (reviews + check runs): the duplicate ran nowhere.
    await notion.waitFor(() => notion.value(item, 'Status') === '📝 Draft');
    expect(github.requests.slice(before).map((r) => r.path)).toEqual([
      '/repos/Codertocat/Hello-World/pulls/2/reviews',
      `/repos/Codertocat/Hello-World/commits/${HEAD_SHA}/check-runs`,
    ]);
  });

  it('accepts the form-encoded variant GitHub offers', async () => {
    const body = new URLSearchParams({ payload: example('converted_to_draft') }).toString();
    const headers = {
      ...githubHeaders('pull_request', body, SECRET),
      'content-type': 'application/x-www-form-urlencoded',
    };
    expect((await post(t, body, headers)).status).toBe(202);
    await notion.waitFor(() => notion.value(item, 'Status') === '📝 Draft');
    const back = example('ready_for_review');
    await post(t, back, githubHeaders('pull_request', back, SECRET));
    await notion.waitFor(() => notion.value(item, 'Status') === '🔄 In Review');
  });

  it('refuses bodies over the size limit with 413', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(3 * 1024 * 1024) });
    const res = await post(t, body, githubHeaders('pull_request', body, SECRET));
    expect(res.status).toBe(413);
  });

  it('answers ping and events it does not sync with 200', async () => {
    const body = JSON.stringify({ zen: 'Keep it logically awesome.' });
    expect((await post(t, body, githubHeaders('ping', body, SECRET))).status).toBe(200);
    const labeled = example('labeled');
    const res = await post(t, labeled, githubHeaders('pull_request', labeled, SECRET));
    expect(res.status).toBe(200);
  });
});

describe('crash safety between the answer and the Notion write', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });
  /** Fakes that outlive the bot, an item to sync and a data directory for two lives of it. */
  const lives = async () => {
    const { notion, github } = await fakes();
    stops.push(
      () => notion.stop(),
      () => github.stop(),
    );
    const item = notion.addItem({ title: 'Hello page', status: 'Not started', pr: PR_URL });
    return { notion, github, item, dataDir: tempDir() };
  };

  it('replays a recorded delivery on the next start', async () => {
    const { notion, github, item, dataDir } = await lives();

    // First life: GitHub gets its 202, then Notion fails and the process goes down.
    notion.failUpdates = 1;
    const first = await bot(notion, github, dataDir);
    const body = example('opened');
    expect((await post(first, body, githubHeaders('pull_request', body, SECRET))).status).toBe(202);
    await notion.waitFor((r) => r.method === 'PATCH' && r.status === 500);
    await first.close();
    expect(notion.value(item, 'Status')).toBe('Not started');
    // What was recorded is the pull request it concerns, not GitHub's whole body.
    const store = createSqliteStore(dataDir);
    const [recorded] = await store.delivery.pendingWebhookEvents(10);
    await store.close();
    expect(body.length).toBeGreaterThan(20_000);
    expect(recorded!.payload.length).toBeLessThan(2_000);
    expect(JSON.parse(recorded!.payload).targets).toMatchObject([
      { pr: { repo: 'Codertocat/Hello-World', number: 2, state: 'open' } },
    ]);

    // Second life, same store: the delivery is still pending and runs at start-up.
    const second = await bot(notion, github, dataDir);
    stops.push(() => second.close());
    await patchSetting(notion, '🔄 In Review');
    expect(notion.value(item, 'Status')).toBe('🔄 In Review');
    await second.bot.deps.lifecycle.drain(5_000);
    expect(await second.bot.deps.store.delivery.pendingWebhookEvents(10)).toEqual([]);
  });

  it('a shutdown that outlives its grace period leaves the delivery for the next start, quietly', async () => {
    const { notion, github, item, dataDir } = await lives();
    const lines: Array<{ level: number; msg: string; delivery?: string }> = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    const first = await bot(notion, github, dataDir, { logger, shutdownGraceMs: 200 });

    // Notion takes the write and never answers; the bot is asked to stop meanwhile.
    notion.hold = (method) => method === 'PATCH';
    const body = example('opened');
    const headers = githubHeaders('pull_request', body, SECRET, 'delivery-at-shutdown');
    expect((await post(first, body, headers)).status).toBe(202);
    await notion.waitFor((r) => r.method === 'PATCH');
    await first.close();
    expect(lines.some((l) => l.msg === 'gave up waiting for in-flight work')).toBe(true);
    // The store is closed; then the held write fails (Notion goes away).
    notion.hold = undefined;
    await notion.stop();
    await vi.waitFor(() =>
      expect(lines.find((l) => l.delivery === 'delivery-at-shutdown')?.msg).toBe(
        'stopped before this webhook delivery was written to Notion; the next start replays it',
      ),
    );
    // A warning, nothing at error level: nothing was lost, and no attempt was counted.
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    const store = createSqliteStore(dataDir);
    const [pending] = await store.delivery.pendingWebhookEvents(10);
    await store.close();
    expect(pending).toMatchObject({ id: 'delivery-at-shutdown', attempts: 0 });

    // The next start writes it.
    await notion.start();
    const second = await bot(notion, github, dataDir);
    stops.push(() => second.close());
    await patchSetting(notion, '🔄 In Review');
    expect(notion.value(item, 'Status')).toBe('🔄 In Review');
  });
});

describe('deliveries out of order', () => {
  it('never lets an older state of a pull request overwrite a newer one', async () => {
    const { notion, github } = await fakes();
    const item = notion.addItem({ title: 'Hello page', status: 'Not started', pr: PR_URL });
    const t = await bot(notion, github);
    try {
      const closed = JSON.parse(example('closed')) as Example;
      closed.pull_request.updated_at = '2019-05-16T09:00:00Z';
      const newer = JSON.stringify(closed);
      expect((await post(t, newer, githubHeaders('pull_request', newer, SECRET))).status).toBe(202);
      await patchSetting(notion, '⛔ Closed');

      // The "opened" delivery (updated_at 2019-05-15) arrives late.
      const older = example('opened');
      expect((await post(t, older, githubHeaders('pull_request', older, SECRET))).status).toBe(202);
      expect(await t.bot.deps.lifecycle.drain(5_000)).toBe(true);
      expect(await t.bot.deps.store.delivery.pendingWebhookEvents(10)).toEqual([]);
      expect(notion.value(item, 'Status')).toBe('⛔ Closed');
      expect(notion.writes).toHaveLength(1);
    } finally {
      await t.close();
      await notion.stop();
      await github.stop();
    }
  });
});
