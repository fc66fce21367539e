import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLeadsPoll } from '../src/features/leads/jobs.ts';
import {
  type FakePull,
  fakePull,
  type LeadsBot,
  LOGIN,
  startLeadsBot,
  touch,
} from './support/leads.ts';

/**
 * The polling budget (issue 22): 50 watched pull requests with nothing changed
 * cost at most 1 rate-limited GitHub request and no Slack call; with N changed,
 * 1 + ⌈N/50⌉ GitHub requests (the search and the details) and exactly one Slack
 * edit per changed pull request. Counted at a fake GitHub that records which
 * requests GitHub counts against the rate limit (all but an authorised 304).
 */
let t: LeadsBot;
const pulls: FakePull[] = [];
let minute = 0;

const poll = () => {
  minute += 10;
  const slot = new Date(Date.UTC(2026, 10, 21, 9, 0) + minute * 60_000);
  t.clock.now = new Date(slot.getTime() + 1_000);
  return runLeadsPoll(t.bot.deps, slot);
};

beforeAll(async () => {
  t = await startLeadsBot();
  for (let i = 0; i < 120; i++)
    pulls.push(t.github.add(fakePull({ repo: `org${i % 7}/repo`, author: LOGIN })));
  // The first 50 are being watched; the other 70 are opened later.
  for (const p of pulls.slice(50)) p.hidden = true;
  await poll();
  expect(await t.bot.deps.store.leads.all()).toHaveLength(50);
}, 120_000);
afterAll(async () => {
  await t.close();
  await t.github.stop();
});

function change(ps: FakePull[], at: string) {
  for (const p of ps) {
    p.title = `${p.title} (v2)`;
    touch(p, at);
  }
}

describe('polling 50 watched pull requests', () => {
  it('nothing changed: at most 1 rate-limited GitHub request, 0 Slack calls', async () => {
    const g = t.github.requests.length;
    const s = t.slack.calls.length;
    await poll();
    expect(t.github.counted(g)).toBeLessThanOrEqual(1);
    expect(t.github.requests.slice(g).map((r) => [r.path, r.status])).toEqual([
      ['/search/issues', 304],
    ]);
    expect(t.slack.calls.slice(s)).toEqual([]);
  });

  it('5 changed: 1 search + 1 details query, exactly one edit for each', async () => {
    const changed = pulls.slice(10, 15);
    change(changed, '2026-11-21T09:15:00Z');
    const g = t.github.requests.length;
    const s = t.slack.calls.length;
    await poll();
    expect(t.github.counted(g)).toBe(2);
    expect(t.github.graphql('LeadDetails', g)).toHaveLength(1);
    expect(t.github.graphql('LeadDetails', g)[0]!.ids?.sort()).toEqual(
      changed.map((p) => p.id).sort(),
    );
    const calls = t.slack.calls.slice(s);
    expect(calls.map((c) => c.method)).toEqual(Array(5).fill('chat.update'));
    expect(calls.map((c) => JSON.stringify(c.params.blocks)).every((b) => b.includes('(v2)'))).toBe(
      true,
    );
  });

  it('120 changed (70 of them new): ⌈120/100⌉ search pages + ⌈120/50⌉ details queries', async () => {
    for (const p of pulls.slice(50)) p.hidden = false;
    change(pulls, '2026-11-21T09:45:00Z');
    const g = t.github.requests.length;
    const s = t.slack.calls.length;
    await poll();
    const details = t.github.graphql('LeadDetails', g);
    expect(details.map((r) => r.ids?.length)).toEqual([50, 50, 20]);
    expect(t.github.requests.slice(g).filter((r) => r.path === '/search/issues')).toHaveLength(2);
    const calls = t.slack.calls.slice(s);
    expect(calls.filter((c) => c.method === 'chat.update')).toHaveLength(50);
    expect(calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(70);
  }, 120_000);
});
