import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from './support/bot.ts';
import { deliveryYaml, REPO } from './support/delivery.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { FakeGitHubPulls } from './support/fake-github-pulls.ts';
import { DEFAULT_PROPERTIES, FakeNotion, type FakeProperty } from './support/fake-notion.ts';
import { signedHeaders, slashCommandBody } from './support/slack-sign.ts';

const url = (n: number) => `https://github.com/${REPO}/pull/${n}`;

async function startWith(properties: Record<string, FakeProperty>, extraYaml = '') {
  const notion = await new FakeNotion({ properties }).start();
  const github = await new FakeGitHubPulls().start();
  const t = await startTestBot(deliveryYaml(notion.dataSourceId, extraYaml), {
    NOTION_TOKEN: 'secret_notion_token',
    NOTION_API_URL: notion.url,
    GITHUB_API_URL: github.url,
  });
  return { notion, github, t };
}

let run = 0;
/** `/gigs sync` as Slack sends it; resolves with the answer posted to response_url. */
async function gigsSync(t: TestBot) {
  run += 1;
  const name = `sync-${run}`;
  const body = slashCommandBody('sync', t.slack.responseUrl(name));
  const res = await fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });
  expect(res.status).toBe(200);
  const reply = await t.slack.waitFor(`response_url:/respond/${name}`);
  return { text: String(reply.params.text), all: JSON.stringify(reply.params.blocks) };
}

describe.each([
  {
    variant: 'status Status, rich_text Reviewer, select QA',
    properties: DEFAULT_PROPERTIES,
    yaml: '',
    alice: 'alice',
    qa: 'success',
  },
  {
    variant: 'select Status, people Reviewer, rich_text QA',
    properties: {
      ...DEFAULT_PROPERTIES,
      Status: { ...DEFAULT_PROPERTIES.Status!, type: 'select' },
      Reviewer: { type: 'people' },
      QA: { type: 'rich_text' },
    },
    yaml: '    people:\n      alice: user-a\n',
    alice: ['user-a'],
    qa: 'success',
  },
])('/gigs sync reconciliation ($variant)', ({ properties, yaml, alice, qa }) => {
  let notion: FakeNotion;
  let github: FakeGitHubPulls;
  let t: TestBot;
  let linked: string;
  let byUrl: string;
  beforeAll(async () => {
    ({ notion, github, t } = await startWith(properties, yaml));
    linked = notion.addItem({ title: 'Login flow', status: 'Not started' });
    byUrl = notion.addItem({ title: 'Billing export', status: '🔄 In Review', pr: url(2) });
    notion.addItem({ title: 'Unrelated', status: 'Not started' });
    const one = github.setPull(REPO, {
      number: 1,
      body: `Implements https://www.notion.so/acme/Login-flow-${linked.replace(/-/g, '')}`,
      requestedReviewers: ['alice'],
      updatedAt: '2026-11-20T09:00:00Z',
    });
    github.checkRuns.set(String((one.head as { sha: string }).sha), [
      { status: 'completed', conclusion: 'success' },
    ]);
    github.setPull(REPO, {
      number: 2,
      state: 'closed',
      mergedAt: '2026-11-20T10:00:00Z',
      updatedAt: '2026-11-20T10:00:00Z',
    });
    github.setPull(REPO, { number: 3, title: 'Orphan change', updatedAt: '2026-11-20T11:00:00Z' });
  });
  afterAll(async () => {
    await t.close();
    await notion.stop();
    await github.stop();
  });

  it('brings Notion in line and reports what changed and what matched nothing', async () => {
    const reply = await gigsSync(t);
    expect(reply.text).toBe('Updated 2 Notion items.');
    expect(reply.all).toContain('Codertocat/Hello-World#1');
    expect(reply.all).toContain('*Login flow*: Not started → 🔄 In Review');
    expect(reply.all).toContain('*Billing export*: 🔄 In Review → ✅ Done');
    expect(reply.all).toContain('Pull requests with no Notion item');
    expect(reply.all).toContain('Orphan change');
    expect(notion.writes).toHaveLength(2);
    expect(notion.value(linked, 'Status')).toBe('🔄 In Review');
    expect(notion.value(linked, 'PR')).toBe(url(1));
    expect(notion.value(linked, 'Reviewer')).toEqual(alice);
    expect(notion.value(linked, 'QA')).toBe(qa);
    expect(notion.value(byUrl, 'Status')).toBe('✅ Done');
    expect(notion.value(byUrl, 'Date')).toBe('2026-11-20T10:00:00Z');
  });

  it('writes nothing on a second run, and asks GitHub once (304)', async () => {
    const writes = notion.writes.length;
    const requests = github.requests.length;
    const reply = await gigsSync(t);
    expect(reply.text).toBe('Notion is in step with GitHub: nothing to change.');
    expect(reply.all).not.toContain('Orphan change');
    expect(notion.writes).toHaveLength(writes);
    expect(github.requests.slice(requests)).toEqual([
      { method: 'GET', path: `/repos/${REPO}/pulls`, status: 304 },
    ]);
  });

  it('writes nothing either when the cursor is lost and every PR is read again', async () => {
    const writes = notion.writes.length;
    await t.bot.deps.store.delivery.saveRepoCursor(
      REPO,
      { etag: undefined, since: undefined },
      new Date(),
    );
    const reply = await gigsSync(t);
    expect(reply.text).toBe('Notion is in step with GitHub: nothing to change.');
    expect(notion.writes).toHaveLength(writes);
  });

  it('makes one write for one real change', async () => {
    const writes = notion.writes.length;
    github.setPull(REPO, {
      number: 1,
      state: 'closed',
      mergedAt: '2026-11-21T08:00:00Z',
      updatedAt: '2026-11-21T08:00:00Z',
      requestedReviewers: ['alice'],
      body: `Implements ${linked}`,
    });
    const reply = await gigsSync(t);
    expect(reply.text).toBe('Updated 1 Notion item.');
    expect(notion.writes).toHaveLength(writes + 1);
    expect(notion.value(linked, 'Status')).toBe('✅ Done');
  });
});

describe('/gigs sync with a data source that does not match gigops.yml', () => {
  let notion: FakeNotion;
  let github: FakeGitHubPulls;
  let t: TestBot;
  beforeAll(async () => {
    ({ notion, github, t } = await startWith({
      ...DEFAULT_PROPERTIES,
      Status: { type: 'status', options: ['📝 Draft', '🔄 In Review', '✅ Done'] },
    }));
  });
  afterAll(async () => {
    await t.close();
    await notion.stop();
    await github.stop();
  });

  it('names the problem and the fix, and syncs nothing', async () => {
    const reply = await gigsSync(t);
    expect(reply.text).toContain(
      '`Status` has no option `⛔ Closed`: add it in Notion, or change `delivery.notion.statusMap.closed`.',
    );
    expect(github.requests).toEqual([]);
    expect(notion.writes).toEqual([]);
  });
});

describe('/gigs sync when Notion fails one write', () => {
  let notion: FakeNotion;
  let github: FakeGitHubPulls;
  let t: TestBot;
  let first: string;
  let second: string;
  beforeAll(async () => {
    ({ notion, github, t } = await startWith(DEFAULT_PROPERTIES));
    first = notion.addItem({ title: 'First', status: 'Not started', pr: url(1) });
    second = notion.addItem({ title: 'Second', status: 'Not started', pr: url(2) });
    github.setPull(REPO, { number: 1, updatedAt: '2026-11-20T09:00:00Z' });
    github.setPull(REPO, { number: 2, updatedAt: '2026-11-20T10:00:00Z' });
  });
  afterAll(async () => {
    await t.close();
    await notion.stop();
    await github.stop();
  });

  it('syncs the others, says which failed, and retries it on the next run', async () => {
    notion.failUpdates = 1;
    const reply = await gigsSync(t);
    expect(reply.text).toBe('Updated 1 Notion item.');
    expect(reply.all).toContain('`Codertocat/Hello-World#1` could not be synced');
    expect(notion.value(first, 'Status')).toBe('Not started');
    expect(notion.value(second, 'Status')).toBe('🔄 In Review');

    const again = await gigsSync(t);
    expect(again.text).toBe('Updated 1 Notion item.');
    expect(notion.value(first, 'Status')).toBe('🔄 In Review');
    expect(notion.writes).toHaveLength(2);
  });
});
