import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { type RunningBot, startGigops } from '../src/main.ts';
import { snapshotPages } from './fixtures/snapshot-data-source.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { SIGNING_SECRET, tempDir, testEnv } from './support/env.ts';
import { FakeGitHubIssues } from './support/fake-github-issues.ts';
import { FakeNotionSnapshots } from './support/fake-notion-snapshots.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { goPanicIssue } from './support/github-fixtures.ts';
import { buttonPress } from './support/proposal-payloads.ts';
import { freshDatabase } from './support/replicas.ts';
import { interactionBody, signedHeaders } from './support/slack-sign.ts';
import { SNAPSHOT_YAML } from './support/snapshot-deps.ts';
import { postgresAvailable } from './support/stores.ts';

/**
 * Slack answering after the client's timeout (issue 18, item 3): with the
 * old policy (10 s timeout, two retries) an answer after 12 s gave two posts
 * of one Post now and two drafts of one press. chat.postMessage is not
 * idempotent, so a post that timed out is looked for (message metadata)
 * before it is made again. The bots here time out after 150 ms and Slack
 * answers after 400 ms, having posted.
 */

const SLOW = { delayMs: 400 };
const TIMEOUT_MS = 150;

let notion: FakeNotionSnapshots;
let gh: FakeGitHubIssues;
const bots: TestBot[] = [];
const running: RunningBot[] = [];
const cleanup: Array<() => Promise<void>> = [];

beforeAll(async () => {
  notion = await new FakeNotionSnapshots('ds-delivery').start();
  notion.pages = snapshotPages;
  gh = await new FakeGitHubIssues().start();
  gh.issues.set('acme/pool#7', goPanicIssue());
});
afterEach(async () => {
  for (const t of bots.splice(0)) await t.close();
  for (const b of running.splice(0)) await b.stop();
  for (const done of cleanup.splice(0)) await done();
});
afterAll(async () => {
  await notion.stop();
  await gh.stop();
});

async function press(t: TestBot, payload: unknown) {
  const body = interactionBody(payload);
  const res = await fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });
  expect(res.status).toBe(200);
}

const postNow = (t: TestBot, name: string) =>
  press(t, {
    type: 'block_actions',
    team: { id: 'T0TEAM', domain: 'acme' },
    user: { id: 'U0USER', name: 'jane', team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'deprecated',
    trigger_id: '1.2.3',
    container: { type: 'message', message_ts: '1.1', channel_id: 'C0CHANNEL', is_ephemeral: true },
    channel: { id: 'C0CHANNEL', name: 'gigs' },
    response_url: t.slack.responseUrl(name),
    actions: [
      { type: 'button', action_id: 'snapshot_post', block_id: 'b', value: 'acme', action_ts: '1' },
    ],
  });

describe('Slack answering after the timeout', () => {
  it('Post now posts the snapshot once', async () => {
    const t = await startTestBot(
      SNAPSHOT_YAML(),
      { NOTION_TOKEN: 'secret_test', NOTION_API_URL: notion.url },
      { slackTimeoutMs: TIMEOUT_MS },
    );
    bots.push(t);
    await t.bot.startup;
    t.slack.httpFaults.set('chat.postMessage', [SLOW, SLOW, SLOW]);
    await postNow(t, 'post');
    const told = await t.slack.waitFor('response_url:/respond/post');
    expect(String(told.params.text)).toContain('Posted this week’s snapshot to <#C0ACME>');
    expect(t.slack.messages.filter((m) => m.channel === 'C0ACME')).toHaveLength(1);
    // Pressed again: already there.
    await postNow(t, 'again');
    expect(String((await t.slack.waitFor('response_url:/respond/again')).params.text)).toContain(
      'already in <#C0ACME>',
    );
    expect(t.slack.messages.filter((m) => m.channel === 'C0ACME')).toHaveLength(1);
  });

  it('Draft posts one draft', async () => {
    const t = await startTestBot(
      'proposals:\n  approvers: [U0BOSS]\n',
      { GITHUB_API_URL: gh.url },
      { slackTimeoutMs: TIMEOUT_MS },
    );
    bots.push(t);
    t.slack.httpFaults.set('chat.postMessage', [SLOW, SLOW, SLOW]);
    await press(t, buttonPress('opportunity_draft', 'acme/pool#7', {}));
    await t.slack.waitFor('chat.postMessage');
    // The draft is recorded with the ts Slack gave its one message.
    let drafts = await t.bot.deps.store.proposals.recent(5);
    for (let i = 0; i < 100 && !drafts[0]?.ts; i++) {
      await new Promise((r) => setTimeout(r, 20));
      drafts = await t.bot.deps.store.proposals.recent(5);
    }
    expect(drafts).toHaveLength(1);
    const posted = t.slack.messages.filter((m) => m.metadata?.event_type === 'gigops_draft');
    expect(posted).toHaveLength(1);
    expect(drafts[0]?.ts).toBe(posted[0]?.ts);
  });

  // Skipped, and said so by vitest, when PostgreSQL is unreachable (test/support/stores.ts).
  it.skipIf(!postgresAvailable)(
    'two replicas on one PostgreSQL post one snapshot per client and week',
    async () => {
      const db = await freshDatabase();
      cleanup.push(db.drop);
      const slack = await new FakeSlack().start();
      cleanup.push(() => slack.stop());
      // An hourly cron: the last slot is at most an hour old, within the grace window,
      // so both replicas try to post it late at start-up, with Slack slow for each try.
      slack.httpFaults.set('chat.postMessage', Array(6).fill(SLOW));
      const config = loadConfig(
        testEnv({
          SLACK_API_URL: slack.apiUrl,
          DATABASE_URL: db.url,
          NOTION_TOKEN: 'secret_test',
          NOTION_API_URL: notion.url,
          DATA_DIR: tempDir(),
        }),
        { readFile: () => SNAPSHOT_YAML('UTC', '      cron: "0 * * * *"\n      graceHours: 6') },
      );
      const start = () =>
        startGigops({
          config,
          logger: createLogger({ level: 'silent' }),
          slackTimeoutMs: TIMEOUT_MS,
        });
      const replicas = await Promise.all([start(), start()]);
      running.push(...replicas);
      await Promise.all(replicas.map((r) => r.startup));
      // Post now on both, while the late post may still be in flight.
      const ports = replicas.map((r) => r.port);
      for (const port of ports) {
        const t = { url: `http://127.0.0.1:${port}`, slack } as unknown as TestBot;
        await postNow(t, `now-${port}`);
        await slack.waitFor(`response_url:/respond/now-${port}`);
      }
      expect(slack.messages.filter((m) => m.channel === 'C0ACME')).toHaveLength(1);
      const rows = await db.query<{ n: number }>(
        "SELECT COUNT(*)::int AS n FROM job_slots WHERE job = 'snapshot:acme' AND completed_at IS NOT NULL",
      );
      expect(rows[0]?.n).toBe(1);
    },
  );
});
