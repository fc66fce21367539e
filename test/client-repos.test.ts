import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { checkConfig } from '../src/doctor/config-check.ts';
import { mayMoveItem } from '../src/features/delivery/item-owner.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { deliveryYaml, REPO } from './support/delivery.ts';
import { testEnv } from './support/env.ts';
import { FakeGitHubPulls } from './support/fake-github-pulls.ts';
import { FakeNotion } from './support/fake-notion.ts';
import { githubHeaders } from './support/github-sign.ts';
import { slashCommand } from './support/slack-requests.ts';

/**
 * clients[].repos (issue 18, item 2): a pull request in ACME's repository
 * whose body names a Globex page id moved that Globex item. Now a PR moves
 * only items of the client whose `repos` list its repository; a foreign item
 * is logged, reported once by /gigs sync, and never written.
 */

describe('mayMoveItem', () => {
  const clients = [
    { notionClient: 'ACME', repos: ['acme/api', 'acme/web'] },
    { notionClient: 'Globex', repos: ['globex/app'] },
    { notionClient: 'Initech', repos: [] },
  ];
  it.each([
    ['acme/api', 'ACME', true],
    ['ACME/Web', 'ACME', true], // GitHub names compare without case
    ['acme/api', 'Globex', false],
    ['globex/app', 'ACME', false],
    ['acme/api', 'Initech', false], // a client with no repos: nothing moves its items
    ['oss/lib', 'ACME', false], // a repository no client claims
    ['oss/lib', undefined, true], // …moves only items of no client
    ['oss/lib', 'Unknown Co', true],
    ['acme/api', undefined, false], // a claimed repository moves only its client's items
  ] as const)('%s may move an item of %s: %s', (repo, client, ok) => {
    expect(mayMoveItem(clients, repo, client)).toBe(ok);
  });
  it('without clients, any pull request moves any item', () => {
    expect(mayMoveItem([], 'acme/api', 'Globex')).toBe(true);
  });
  it('doctor warns of a client whose repos are empty: nothing moves its items', () => {
    const config = loadConfig(testEnv(), {
      readFile: () => `delivery: { notion: { dataSourceId: ds } }
clients:
  - { id: acme, name: ACME, channel: C0ACME1, notionClient: ACME, repos: [acme/api] }
  - { id: globex, name: Globex, channel: C0GLOBEX1, notionClient: Globex }
`,
    });
    expect(checkConfig(config).filter((c) => c.name === 'Delivery')).toEqual([
      {
        name: 'Delivery',
        status: 'warn',
        detail: "clients.1.repos is empty: no pull request moves Globex's Notion items",
        fix: "list Globex's repositories (owner/name) under clients.1.repos in gigops.yml",
      },
    ]);
  });
});

const SECRET = 'webhook-secret-for-tests';
type Example = { action: string; pull_request: Record<string, unknown> };
const opened = (
  examples.find((e) => e.name === 'pull_request')!.examples as unknown as Example[]
).find((e) => e.action === 'opened')!;
const PR_URL = 'https://github.com/Codertocat/Hello-World/pull/2';
const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

const CLIENTS = `clients:
  - { id: acme, name: ACME Corp, channel: C0ACME1, notionClient: ACME, repos: [${REPO}] }
  - { id: globex, name: Globex, channel: C0GLOBEX1, notionClient: Globex, repos: [globex/app] }
`;

describe('a pull request naming another client’s item, through the webhook and /gigs sync', () => {
  let notion: FakeNotion;
  let github: FakeGitHubPulls;
  let t: TestBot;
  let own: string;
  let foreign: string;
  beforeAll(async () => {
    notion = await new FakeNotion().start();
    github = await new FakeGitHubPulls().start();
    own = notion.addItem({
      title: 'Hello page',
      status: 'Not started',
      pr: PR_URL,
      client: 'ACME',
    });
    foreign = notion.addItem({ title: 'Globex invoices', status: '✅ Done', client: 'Globex' });
    t = await startTestBot(`${deliveryYaml(notion.dataSourceId)}${CLIENTS}`, {
      GITHUB_WEBHOOK_SECRET: SECRET,
      NOTION_TOKEN: 'secret_notion_token',
      NOTION_API_URL: notion.url,
      GITHUB_API_URL: github.url,
    });
  });
  afterAll(async () => {
    await t.close();
    await notion.stop();
    await github.stop();
  });

  const gigsSync = async (name: string) =>
    JSON.stringify((await slashCommand(t, 'sync', name)).params.blocks);

  it('moves its own client’s item, leaves the foreign one as it was, and /gigs sync reports it once', async () => {
    const hostile = `Closes https://www.notion.so/globex/Invoices-${foreign.replace(/-/g, '')}`;
    github.setPull(REPO, {
      number: 2,
      body: hostile,
      headSha: HEAD_SHA,
      updatedAt: '2019-05-15T15:20:33Z',
    });
    const body = JSON.stringify({
      ...opened,
      pull_request: { ...opened.pull_request, body: hostile },
    });
    const res = await fetch(`${t.url}/github/webhook`, {
      method: 'POST',
      body,
      headers: githubHeaders('pull_request', body, SECRET),
    });
    expect(res.status).toBe(202);
    await notion.waitFor((r) => r.method === 'PATCH' && r.path.includes(own.replace(/-/g, '')));
    expect(notion.value(own, 'Status')).toBe('🔄 In Review');
    expect(notion.value(foreign, 'Status')).toBe('✅ Done');
    expect(notion.writes.every((w) => !w.path.includes(foreign.replace(/-/g, '')))).toBe(true);

    // Reconciliation meets the same pull request again, and a second one naming only the foreign item.
    github.setPull(REPO, {
      number: 7,
      title: 'Sneaky',
      body: `See ${foreign}`,
      updatedAt: '2026-11-20T11:00:00Z',
    });
    const report = await gigsSync('sync-1');
    expect(report).toContain('Not written: items of another client');
    expect(report).toContain('names *Globex invoices* (client Globex)');
    expect(report).toContain('Codertocat/Hello-World#2');
    expect(report).toContain('Codertocat/Hello-World#7');
    expect(notion.value(foreign, 'Status')).toBe('✅ Done');
    expect(notion.writes.every((w) => !w.path.includes(foreign.replace(/-/g, '')))).toBe(true);

    // Reported once: the next /gigs sync does not repeat it.
    expect(await gigsSync('sync-2')).not.toContain('another client');
  });
});
