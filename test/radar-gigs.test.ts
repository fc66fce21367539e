import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from './support/bot.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { buttonPress, radarIssues } from './support/radar.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';
import { signedHeaders, slashCommandBody } from './support/slack-sign.ts';

const start = new Date('2026-11-20T09:00:00Z');
let clock = start;
const advance = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};
let gh: FakeGitHub;
let t: TestBot;

beforeAll(async () => {
  gh = await new FakeGitHub().start();
  gh.issues = radarIssues(14, start);
  t = await startTestBot(
    'timezone: Europe/Berlin\nradar:\n  pageSize: 5\n',
    { GITHUB_API_URL: gh.url, GITHUB_TOKEN: 'ghp_test_token_0123456789' },
    () => clock,
  );
});
afterAll(async () => {
  await t.close();
  await gh.stop();
});

const post = (body: string) =>
  fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });
const calls = () => ({ search: gh.count('/search/issues'), graphql: gh.count('/graphql') });
type Blocks = Array<{
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: Array<{ action_id?: string; value?: string; text?: unknown }>;
}>;

/** Runs `/gigs <text>` and resolves with the list message it posted in the channel. */
async function gigs(text: string) {
  const before = t.slack.calls.length;
  const body = slashCommandBody(text, t.slack.responseUrl(`gigs-${before}`));
  expect((await post(body)).status).toBe(200);
  const call = await t.slack.waitFor('chat.postMessage', (c) => t.slack.calls.indexOf(c) >= before);
  const blocks = call.params.blocks as Blocks;
  expectWithinSlackLimits(blocks);
  return {
    params: call.params,
    blocks,
    ts: `${1_700_000_000 + t.slack.callsTo('chat.postMessage').length}.000100`,
  };
}
/** Runs `/gigs <text>` and resolves with the private answer it sent to response_url. */
async function gigsPrivately(text: string, name: string) {
  const body = slashCommandBody(text, t.slack.responseUrl(name));
  expect((await post(body)).status).toBe(200);
  const reply = await t.slack.waitFor(`response_url:/respond/${name}`);
  if (reply.params.blocks) expectWithinSlackLimits(reply.params.blocks as object[]);
  return reply.params;
}
const entryIds = (blocks: Blocks) =>
  blocks.filter((b) => b.block_id?.startsWith('opp:')).map((b) => b.block_id!.slice(4));

describe('/gigs end to end (signed requests, GitHub faked over HTTP)', () => {
  let first: Awaited<ReturnType<typeof gigs>>;

  it('posts the top page in the channel, best first, with reasons, for one search and one GraphQL query', async () => {
    const before = calls();
    first = await gigs('');
    expect(first.params.channel).toBe('C0CHANNEL');
    const ids = entryIds(first.blocks);
    expect(ids).toHaveLength(5);
    // Best first by the scores the radar stored (the listing shows reasons, not a bare score).
    const stored = new Map(
      (await t.bot.deps.store.opportunities.getMany(ids)).map((r) => [r.id, r.score]),
    );
    const scores = ids.map((id) => stored.get(id)!);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(ids[0]).toBe('github:acme/rpc#1'); // the $500 bounty
    const text = first.blocks.find((b) => b.block_id === 'opp:github:acme/rpc#1')!.text!.text;
    expect(text).toContain('$500 bounty');
    expect(text).toMatch(/\*why:\* /);
    expect(text).not.toMatch(/score \d+/);
    const actions = first.blocks.flatMap((b) => b.elements ?? []).map((e) => e.action_id);
    expect(actions).toContain('opportunity_draft');
    expect(actions).toContain('opportunity_dismiss');
    expect(actions).toContain('opportunity_more');
    expect(calls()).toEqual({ search: before.search + 1, graphql: before.graphql + 1 });
    const search = gh.requests.filter((r) => r.path === '/search/issues').at(-1)!;
    const q = new URL(`http://x${search.url}`).searchParams.get('q');
    expect(q).toBe('language:go is:issue is:open label:"help wanted" comments:>=5');
  });

  it('answers a second /gigs within the cache TTL with no GitHub request and no rewrite of what it stored, marking shown ones seen', async () => {
    const before = calls();
    const { opportunities } = t.bot.deps.store;
    const upsert = opportunities.upsert;
    let upserts = 0;
    opportunities.upsert = (items, now) => {
      upserts += items.length;
      return upsert.call(opportunities, items, now);
    };
    const again = await gigs('').finally(() => {
      opportunities.upsert = upsert;
    });
    expect(calls()).toEqual(before);
    expect(upserts).toBe(0);
    expect(entryIds(again.blocks)).toEqual(entryIds(first.blocks));
    expect(again.blocks.find((b) => b.block_id === 'opp:github:acme/rpc#1')!.text!.text).toContain(
      '_(seen)_',
    );
  });

  it('More posts the next page and drops the More button from the old one', async () => {
    const more = first.blocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'opportunity_more')!;
    const before = t.slack.calls.length;
    const body = buttonPress({
      actionId: 'opportunity_more',
      value: more.value!,
      message: { ts: first.ts, blocks: first.blocks },
      responseUrl: t.slack.responseUrl('more'),
    });
    expect((await post(body)).status).toBe(200);
    const replaced = await t.slack.waitFor('response_url:/respond/more');
    expect(replaced.params.replace_original).toBe(true);
    expect(JSON.stringify(replaced.params.blocks)).not.toContain('opportunity_more');
    const next = await t.slack.waitFor(
      'chat.postMessage',
      (c) => t.slack.calls.indexOf(c) >= before,
    );
    const nextIds = entryIds(next.params.blocks as Blocks);
    expect(nextIds).toHaveLength(5);
    expect(nextIds.filter((id) => entryIds(first.blocks).includes(id))).toEqual([]);
    expectWithinSlackLimits(next.params.blocks as object[]);
  });

  it('Dismiss removes the entry from the message and from every later list', async () => {
    const target = entryIds(first.blocks)[1]!;
    const body = buttonPress({
      actionId: 'opportunity_dismiss',
      value: target,
      message: { ts: first.ts, blocks: first.blocks },
      responseUrl: t.slack.responseUrl('dismiss'),
    });
    expect((await post(body)).status).toBe(200);
    const replaced = await t.slack.waitFor('response_url:/respond/dismiss');
    const blocks = replaced.params.blocks as Blocks;
    expectWithinSlackLimits(blocks);
    expect(entryIds(blocks)).not.toContain(target);
    expect(JSON.stringify(blocks)).toContain(`Dismissed ${target}`);
    expect((await t.bot.deps.store.opportunities.get(target))?.dismissedAt).toBeDefined();

    advance(11); // past the 10-minute TTL: GitHub is asked again, with the ETag
    const before = calls();
    const later = await gigs('');
    expect(entryIds(later.blocks)).not.toContain(target);
    const search = gh.requests.filter((r) => r.path === '/search/issues').at(-1)!;
    expect(search.headers['if-none-match']).toMatch(/^"/);
    // 304 Not Modified: the enriched candidates are reused, no GraphQL query.
    expect(calls()).toEqual({ search: before.search + 1, graphql: before.graphql });
  });

  it('narrows the search with filters', async () => {
    const list = await gigs('grpc label:bug repo:acme/rpc min-stars:1000');
    const search = gh.requests.filter((r) => r.path === '/search/issues').at(-1)!;
    expect(search).toBeDefined();
    const ids = entryIds(list.blocks);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith('github:acme/rpc#'))).toBe(true);
    expect(JSON.stringify(list.blocks)).toContain(
      'filtered by `grpc label:bug repo:acme/rpc min-stars:1000`',
    );
    // acme/rpc#1 has 600 stars: under min-stars:1000.
    expect(ids).not.toContain('github:acme/rpc#1');
  });

  it('says nothing matches, repeating the filters', async () => {
    const reply = await gigsPrivately('kubernetes repo:nobody/here', 'nothing');
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toContain('Nothing matches `kubernetes repo:nobody/here`');
  });

  it('names the offending token of an unparseable filter', async () => {
    const reply = await gigsPrivately('min-stars:lots', 'bad');
    expect(String(reply.text)).toContain('`min-stars:lots` needs a whole number');
  });

  it('shares one search between concurrent identical /gigs (single-flight)', async () => {
    advance(11);
    gh.issues = [...gh.issues, ...radarIssues(1, clock).map((i) => ({ ...i, number: 99 }))];
    let release = () => {};
    gh.gate = new Promise<void>((r) => {
      release = r;
    });
    const before = calls();
    const bodies = ['a', 'b', 'c'].map((n) => slashCommandBody('', t.slack.responseUrl(`sf-${n}`)));
    const posted = t.slack.callsTo('chat.postMessage').length;
    await Promise.all(bodies.map(post));
    release();
    gh.gate = undefined;
    await t.slack.waitFor(
      'chat.postMessage',
      () => t.slack.callsTo('chat.postMessage').length >= posted + 3,
    );
    expect(calls().search).toBe(before.search + 1);
  });
});

describe('/gigs when GitHub fails', () => {
  it.each([
    [
      'primary rate limit',
      {
        status: 403,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Date.parse('2026-11-20T10:30:00Z') / 1000),
        },
      },
      /rate limit is reached; it resets at 11:30/,
    ],
    [
      'secondary rate limit',
      { status: 429, headers: { 'retry-after': '3600' } },
      /rate limit is reached; it resets at/,
    ],
    ['an invalid token', { status: 401, headers: {} }, /GitHub rejected GITHUB_TOKEN/],
  ])('answers honestly on %s', async (name, fault, expected) => {
    advance(11);
    gh.fault = { ...fault, body: { message: 'nope' } };
    try {
      const reply = await gigsPrivately('', `fault-${name.replace(/\s/g, '-')}`);
      expect(reply.response_type).toBe('ephemeral');
      expect(String(reply.text)).toMatch(expected);
    } finally {
      gh.fault = undefined;
    }
  });
});
