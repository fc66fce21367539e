import { afterEach, describe, expect, it } from 'vitest';
import { runLeadsPoll } from '../src/features/leads/jobs.ts';
import type { RecordedCall } from './support/fake-slack.ts';
import {
  fakePull,
  LEADS_CHANNEL,
  type LeadsBot,
  LOGIN,
  RATE_LIMITED,
  startLeadsBot,
  touch,
} from './support/leads.ts';

/**
 * The poll, through the real bot on a fake Slack and a fake GitHub that
 * counts rate-limited requests: one message per pull request, edited in
 * place, one thread reply per real event, one validation announcement.
 */
const FORBIDS =
  'Pull requests must not contain payment addresses, donation appeals, referral links, or marketing copy.';

let t: LeadsBot | undefined;
afterEach(async () => {
  await t?.close();
  await t?.github.stop();
  t = undefined;
});

let minute = 0;
/** The next poll slot, and the clock a little after it. */
function slot(bot: LeadsBot): Date {
  minute += 10;
  const at = new Date(Date.UTC(2026, 10, 20, 9, 0) + minute * 60_000);
  bot.clock.now = new Date(at.getTime() + 5_000);
  return at;
}

const slackCalls = (bot: LeadsBot, from: number) =>
  bot.slack.calls.slice(from).filter((c) => !c.method.startsWith('response_url'));
const text = (c: RecordedCall) => JSON.stringify(c.params.blocks ?? c.params.text);
const thread = (bot: LeadsBot, from: number) =>
  slackCalls(bot, from).filter((c) => c.method === 'chat.postMessage' && c.params.thread_ts);

async function setup() {
  t = await startLeadsBot();
  const lead = t.github.add(
    fakePull({ repo: 'gin-gonic/gin', author: LOGIN, title: 'fix: <b>race</b> in Context.Copy' }),
  );
  t.github.add(fakePull({ repo: `${LOGIN}/tool`, author: LOGIN }));
  t.github.add(fakePull({ repo: 'acme/api', author: LOGIN }));
  t.github.files.set('gin-gonic/gin', { 'CONTRIBUTING.md': FORBIDS });
  return { bot: t, lead };
}

describe('polling leads', () => {
  it('one message per lead, nothing when nothing changed, one edit and reply per event, validation once', async () => {
    const { bot, lead } = await setup();
    await runLeadsPoll(bot.bot.deps, slot(bot));
    const posts = bot.slack.callsTo('chat.postMessage');
    // Own repository and client work are left out.
    expect(posts).toHaveLength(1);
    expect(posts[0]!.params).toMatchObject({
      channel: LEADS_CHANNEL,
      metadata: { event_type: 'gigops_lead' },
    });
    expect(text(posts[0]!)).toContain('gin-gonic/gin#');
    expect(text(posts[0]!)).toContain('&lt;b&gt;race&lt;/b&gt;');
    expect(text(posts[0]!)).toMatch(/forbids it .*marketing copy.*GitHub profile README/);
    expect(text(posts[0]!)).not.toContain('lead_won');

    // Nothing changed: the search answers 304 (free), and Slack hears nothing.
    let g = bot.github.requests.length;
    let s = bot.slack.calls.length;
    await runLeadsPoll(bot.bot.deps, slot(bot));
    expect(bot.github.counted(g)).toBe(0);
    expect(slackCalls(bot, s)).toEqual([]);

    // A maintainer replies, with text that tries to ping and link.
    lead.comments.push({
      id: 'IC_kwDOmo1',
      login: 'mo',
      association: 'OWNER',
      body: 'Thanks! <!channel> <@U0ADMIN> see <https://evil.example|docs>',
      at: '2026-11-20T08:00:00Z',
    });
    touch(lead, '2026-11-20T08:00:00Z');
    g = bot.github.requests.length;
    s = bot.slack.calls.length;
    await runLeadsPoll(bot.bot.deps, slot(bot));
    expect(bot.github.counted(g)).toBe(2); // the search and one details query
    expect(slackCalls(bot, s).filter((c) => c.method === 'chat.update')).toHaveLength(1);
    const announced = thread(bot, s);
    expect(announced).toHaveLength(1);
    expect(announced[0]!.params.metadata).toMatchObject({ event_type: 'gigops_lead_validated' });
    expect(text(announced[0]!)).toContain('Validated lead');
    expect(text(announced[0]!)).toContain('18 days');
    expect(text(announced[0]!)).toContain('&lt;!channel&gt; &lt;@U0ADMIN&gt;');
    expect(text(announced[0]!)).not.toMatch(/<!channel>|<@U0ADMIN>|<https:\/\/evil/);
    const edited = bot.slack.callsTo('chat.update').at(-1)!;
    expect(text(edited)).toContain('lead_won');
    expect(text(edited)).toContain('Last maintainer reply');

    // A review by a contributor: one reply, one edit.
    lead.reviews.push({
      id: 'PRR_carl',
      login: 'carl',
      association: 'CONTRIBUTOR',
      state: 'APPROVED',
      body: '',
      at: '2026-11-20T09:30:00Z',
    });
    touch(lead, '2026-11-20T09:30:00Z');
    s = bot.slack.calls.length;
    await runLeadsPoll(bot.bot.deps, slot(bot));
    expect(thread(bot, s).map((c) => c.params.text)).toEqual(['*carl* approved']);
    expect(slackCalls(bot, s).filter((c) => c.method === 'chat.update')).toHaveLength(1);

    // The merge: one reply, one edit, and no second validation.
    Object.assign(lead, { state: 'MERGED', mergedAt: '2026-11-20T10:00:00Z' });
    touch(lead, '2026-11-20T10:00:00Z');
    s = bot.slack.calls.length;
    await runLeadsPoll(bot.bot.deps, slot(bot));
    expect(thread(bot, s).map((c) => c.params.text)).toEqual([':tada: Merged.']);
    expect(slackCalls(bot, s).filter((c) => c.method === 'chat.update')).toHaveLength(1);
    expect(bot.slack.callsTo('chat.postMessage').filter((c) => !c.params.thread_ts)).toHaveLength(
      1,
    );
    const stored = (await bot.bot.deps.store.leads.all()).filter((l) => l.repo === 'gin-gonic/gin');
    expect(stored).toMatchObject([
      { state: 'merged', validation: { kind: 'comment', login: 'mo' } },
    ]);
  });

  it('a pull request GitHub no longer shows is said once on its message, then left alone', async () => {
    const { bot, lead } = await setup();
    await runLeadsPoll(bot.bot.deps, slot(bot));
    lead.hidden = true;
    const s = bot.slack.calls.length;
    await runLeadsPoll(bot.bot.deps, slot(bot));
    const edits = slackCalls(bot, s);
    expect(edits.map((c) => c.method)).toEqual(['chat.update']);
    expect(text(edits[0]!)).toContain('GitHub no longer shows this pull request');
    const g = bot.github.requests.length;
    await runLeadsPoll(bot.bot.deps, slot(bot));
    await runLeadsPoll(bot.bot.deps, slot(bot));
    expect(bot.github.graphql('LeadDetails', g)).toEqual([]);
    expect(slackCalls(bot, s)).toHaveLength(1);
  });

  it('a transferred repository: the message follows the new name', async () => {
    const { bot, lead } = await setup();
    await runLeadsPoll(bot.bot.deps, slot(bot));
    lead.repo = 'gin-org/gin';
    touch(lead, '2026-11-20T09:40:00Z');
    const s = bot.slack.calls.length;
    await runLeadsPoll(bot.bot.deps, slot(bot));
    const edits = slackCalls(bot, s);
    expect(edits.map((c) => c.method)).toEqual(['chat.update']);
    expect(text(edits[0]!)).toContain(`gin-org/gin#${lead.number}`);
    expect(text(edits[0]!)).toContain('no CONTRIBUTING');
  });

  it('a login GitHub does not know (renamed) is said once, not every poll', async () => {
    const { bot } = await setup();
    bot.github.logins.clear();
    await runLeadsPoll(bot.bot.deps, slot(bot));
    await runLeadsPoll(bot.bot.deps, slot(bot));
    const posts = bot.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.params.text).toMatch(
      /does not know the login `jane-go`.*proposals.githubLogin/,
    );
  });

  it('GitHub rate-limited: the poll stops, and the next one tells each event once', async () => {
    const { bot, lead } = await setup();
    await runLeadsPoll(bot.bot.deps, slot(bot));
    lead.comments.push({
      id: 'IC_x',
      login: 'mo',
      association: 'MEMBER',
      body: 'LGTM',
      at: '2026-11-20T09:20:00Z',
    });
    touch(lead, '2026-11-20T09:20:00Z');
    const s = bot.slack.calls.length;
    // The search answers, then the details query is rate-limited.
    bot.github.faults.push({ ...RATE_LIMITED, on: 'LeadDetails' });
    const failed = slot(bot);
    await expect(runLeadsPoll(bot.bot.deps, failed)).rejects.toThrow(/rate limit/);
    expect(slackCalls(bot, s)).toEqual([]);
    expect(
      await bot.bot.deps.store.jobs.getSlot('leads:poll', failed.toISOString()),
    ).toBeUndefined();
    // The search is rate-limited too, once.
    bot.github.faults.push({ ...RATE_LIMITED, on: '/search/issues' });
    await expect(runLeadsPoll(bot.bot.deps, slot(bot))).rejects.toThrow(/rate limit/);
    await runLeadsPoll(bot.bot.deps, slot(bot));
    await runLeadsPoll(bot.bot.deps, slot(bot));
    expect(thread(bot, s)).toHaveLength(1);
    expect(slackCalls(bot, s).filter((c) => c.method === 'chat.update')).toHaveLength(1);
  });

  it('Slack failing mid-poll: the next poll posts what was missing, once', async () => {
    const { bot, lead } = await setup();
    await runLeadsPoll(bot.bot.deps, slot(bot));
    lead.reviews.push({
      id: 'PRR_c',
      login: 'carl',
      association: 'NONE',
      state: 'COMMENTED',
      body: 'nit: typo',
      at: '2026-11-20T09:21:00Z',
    });
    lead.comments.push({
      id: 'IC_m',
      login: 'mo',
      association: 'COLLABORATOR',
      body: 'Good catch',
      at: '2026-11-20T09:22:00Z',
    });
    touch(lead, '2026-11-20T09:22:00Z');
    // Every try of the first reply fails; nothing lands.
    bot.slack.httpFaults.set('chat.postMessage', [
      { status: 503 },
      { status: 503 },
      { status: 503 },
    ]);
    await expect(runLeadsPoll(bot.bot.deps, slot(bot))).rejects.toThrow(/did not confirm/);
    await runLeadsPoll(bot.bot.deps, slot(bot));
    await runLeadsPoll(bot.bot.deps, slot(bot));
    const replies = bot.slack.messages.filter((m) => m.thread_ts);
    expect(replies.map((m) => m.metadata?.event_type)).toEqual([
      'gigops_lead_event',
      'gigops_lead_validated',
    ]);
    expect(replies[0]!.text).toBe('*carl* reviewed');
    expect(bot.slack.callsTo('chat.update')).toHaveLength(1);
  });
});
