import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate } from '../src/domain/opportunity.ts';
import type { OpportunitySource } from '../src/sources/source.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { buttonPress, radarIssues } from './support/radar.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';
import { signedHeaders, slashCommandBody } from './support/slack-sign.ts';

/**
 * Issue 20: a second source is one file and one line where the bot is built.
 * This toy bounty board is that file; its candidates are ranked with GitHub's,
 * listed, dismissed and drafted by the same code.
 */
const NOW = new Date('2026-11-20T09:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

const post = (key: string, title: string, body: string, over: Partial<Candidate> = {}) =>
  ({
    source: 'board',
    key,
    label: `Board ${key}`,
    project: 'board/acme',
    url: `https://bounties.example/${key}`,
    title,
    body,
    labels: ['go'],
    comments: 9,
    createdAt: daysAgo(3),
    author: 'Acme Corp',
    locked: false,
    assignees: 0,
    stars: 2_000,
    archived: false,
    openPullRequests: 0,
    recentComments: [],
    ...over,
  }) satisfies Candidate;

const BOARD = [
  post(
    'b-1',
    'Port the billing worker to Go generics',
    '$2,000 bounty. The worker in `billing/queue.go` must keep its retry semantics.',
    { comments: 30, createdAt: daysAgo(60) },
  ),
  post('b-2', 'Fix the flaky TestReconnect', 'TestReconnect fails one run in ten on CI.'),
  post('b-3', 'Taken already', 'Someone is on it.', { assignees: 1 }),
];

/** The toy source: what the board holds, and who asked what. */
function boardSource(): OpportunitySource & { searches: number; gets: string[] } {
  const source = {
    name: 'board',
    searches: 0,
    gets: [] as string[],
    isKey: (key: string) => /^b-\d{1,6}$/.test(key),
    async search() {
      source.searches += 1;
      return BOARD;
    },
    async get(key: string) {
      source.gets.push(key);
      const found = BOARD.find((c) => c.key === key);
      if (!found) throw new Error(`no ${key}`);
      return found;
    },
  };
  return source;
}

let gh: FakeGitHub;
let t: TestBot;
let board: ReturnType<typeof boardSource>;

beforeAll(async () => {
  gh = await new FakeGitHub().start();
  gh.issues = radarIssues(3, NOW);
  board = boardSource();
  t = await startTestBot(
    'radar:\n  pageSize: 10\n',
    { GITHUB_API_URL: gh.url, GITHUB_TOKEN: 'ghp_test_token_0123456789' },
    { now: () => NOW, sources: [() => board] },
  );
});
afterAll(async () => {
  await t?.close();
  await gh?.stop();
});

const send = (body: string) =>
  fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });
type Blocks = Array<{ type: string; block_id?: string; text?: { text: string } }>;

async function gigs() {
  const before = t.slack.calls.length;
  const body = slashCommandBody('', t.slack.responseUrl(`gigs-${before}`));
  expect((await send(body)).status).toBe(200);
  const call = await t.slack.waitFor('chat.postMessage', (c) => t.slack.calls.indexOf(c) >= before);
  const blocks = call.params.blocks as Blocks;
  expectWithinSlackLimits(blocks);
  return blocks;
}
const entryIds = (blocks: Blocks) =>
  blocks.filter((b) => b.block_id?.startsWith('opp:')).map((b) => b.block_id!.slice(4));

describe('a toy OpportunitySource added in one file', () => {
  it('is ranked with GitHub’s candidates and listed by /gigs, minus what is not open', async () => {
    const blocks = await gigs();
    const ids = entryIds(blocks);
    // Its $2,000 bounty outranks every GitHub issue (the best of them has $500).
    expect(ids[0]).toBe('board:b-1');
    expect(ids).toContain('board:b-2');
    expect(ids).not.toContain('board:b-3'); // assigned: not an opening
    expect(ids.filter((id) => id.startsWith('github:'))).toHaveLength(3);
    const entry = blocks.find((b) => b.block_id === 'opp:board:b-1')!.text!.text;
    expect(entry).toContain('<https://bounties.example/b-1|Board b-1>');
    const stored = await t.bot.deps.store.opportunities.get('board:b-1');
    expect(stored).toMatchObject({ source: 'board', key: 'b-1', project: 'board/acme' });
    expect(stored?.reasons).toContainEqual({ kind: 'bounty', amount: 2000, currency: 'USD' });
  });

  it('is drafted from its own text by Draft proposal, fetched once from the source', async () => {
    const before = t.slack.calls.length;
    const body = buttonPress({
      actionId: 'opportunity_draft',
      value: 'board:b-1',
      message: { ts: '1700000000.000100', blocks: [] },
      responseUrl: t.slack.responseUrl('draft-b-1'),
    });
    expect((await send(body)).status).toBe(200);
    const draft = await t.slack.waitFor(
      'chat.postMessage',
      (c) =>
        t.slack.calls.indexOf(c) >= before &&
        JSON.stringify(c.params.blocks ?? []).includes('proposal_approve'),
    );
    const json = JSON.stringify(draft.params.blocks);
    expect(json).toContain('Board b-1');
    expect(json).toContain('billing worker');
    expect(board.gets).toEqual(['b-1']);
    expect(await t.bot.deps.store.proposals.hasDraftFor(['board:b-1'])).toEqual(
      new Set(['board:b-1']),
    );
  });

  it('is dismissed by Dismiss, and neither it nor the drafted one is listed again', async () => {
    const body = buttonPress({
      actionId: 'opportunity_dismiss',
      value: 'board:b-2',
      message: { ts: '1700000000.000200', blocks: [] },
      responseUrl: t.slack.responseUrl('dismiss-b-2'),
    });
    expect((await send(body)).status).toBe(200);
    await t.slack.waitFor('response_url:/respond/dismiss-b-2');
    expect((await t.bot.deps.store.opportunities.get('board:b-2'))?.dismissedAt).toEqual(NOW);
    const ids = entryIds(await gigs());
    expect(ids.filter((id) => id.startsWith('board:'))).toEqual([]);
    expect(ids.filter((id) => id.startsWith('github:'))).toHaveLength(3);
  });

  it('refuses a key the source could not have made, asking it nothing', async () => {
    const gets = board.gets.length;
    const body = buttonPress({
      actionId: 'opportunity_draft',
      value: 'board:../../etc/passwd',
      message: { ts: '1700000000.000300', blocks: [] },
      responseUrl: t.slack.responseUrl('draft-bad'),
    });
    expect((await send(body)).status).toBe(200);
    const told = await t.slack.waitFor('chat.postEphemeral');
    expect(String(told.params.text)).toContain('board:../../etc/passwd');
    expect(board.gets).toHaveLength(gets);
  });
});
