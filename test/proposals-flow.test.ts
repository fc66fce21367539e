import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STALE_DRAFT_MS } from '../src/features/proposals/approve-proposal.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { SIGNING_SECRET, tempDir } from './support/env.ts';
import { FakeGitHubIssues } from './support/fake-github-issues.ts';
import type { FakeSlack, RecordedCall } from './support/fake-slack.ts';
import { goPanicIssue, openapiIssue, openapiSearchPulls } from './support/github-fixtures.ts';
import { buttonPress, draftIdOf, viewSubmission } from './support/proposal-payloads.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';
import { interactionBody, signedHeaders, slashCommandBody } from './support/slack-sign.ts';

// No githubLogin here: Octokit spaces searches 2 s apart, so only the
// evidence test (EVIDENCE_YAML) searches.
const YAML = `
proposals:
  approvers: [U0BOSS]
  hourlyRate: 100
  currency: EUR
  signature: Jane
`;

const EVIDENCE_YAML = `${YAML}  githubLogin: jane-go\n`;

let gh: FakeGitHubIssues;
const bots: TestBot[] = [];

beforeAll(async () => {
  gh = await new FakeGitHubIssues().start();
  gh.issues.set('acme/pool#7', goPanicIssue());
  gh.issues.set('octocat/Hello-World#1347', openapiIssue());
  for (let n = 1; n <= 9; n += 1)
    gh.issues.set(`acme/other#${n}`, {
      ...openapiIssue(),
      title: `Issue ${n} about ${'abcdefghi'[n]}`,
    });
  gh.search = (q) => (q.includes('author:jane-go') ? (openapiSearchPulls().items ?? []) : []);
});
afterEach(async () => {
  while (bots.length) await bots.pop()!.close();
});
afterAll(async () => {
  await gh.stop();
});

async function bot(yaml = YAML, dataDir = tempDir()): Promise<TestBot> {
  const t = await startTestBot(yaml, { GITHUB_API_URL: gh.url, DATA_DIR: dataDir });
  bots.push(t);
  return t;
}

const post = (t: TestBot, payload: unknown) => {
  const body = interactionBody(payload);
  return fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });
};

/** Resolves once `method` has been called `n` times in all. */
const nthCall = (
  slack: FakeSlack,
  method: string,
  n: number,
  match: (c: RecordedCall) => boolean = () => true,
) =>
  slack.waitFor(method, (c) => match(c) && slack.callsTo(method).filter(match).indexOf(c) >= n - 1);

const isDraft = (c: RecordedCall) =>
  Array.isArray(c.params.blocks) && JSON.stringify(c.params.blocks).includes('proposal_approve');

async function draftFromOpportunity(
  t: TestBot,
  opportunityId = 'acme/pool#7',
  messageTs = '1700000000.000100',
) {
  const res = await post(t, buttonPress('opportunity_draft', opportunityId, { messageTs }));
  expect(res.status).toBe(200);
  const call = await t.slack.waitFor(
    'chat.postMessage',
    (c) => isDraft(c) && JSON.stringify(c.params.blocks).includes(opportunityId),
  );
  return { call, id: draftIdOf(call) };
}

describe('Draft proposal → Edit → Approve / Reject, through signed requests', () => {
  it('threads a draft under the opportunity message, with the four parts and one issues.get', async () => {
    const t = await bot(EVIDENCE_YAML);
    const before = gh.calls.length;
    const { call } = await draftFromOpportunity(t);
    expect(call.params).toMatchObject({ channel: 'C0CHANNEL', thread_ts: '1700000000.000100' });
    const blocks = call.params.blocks as object[];
    expectWithinSlackLimits(blocks);
    const json = JSON.stringify(blocks);
    for (const part of ['The problem', 'The plan', 'Evidence', 'Price'])
      expect(json).toContain(part);
    expect(json).toContain('panic: send on closed channel');
    expect(json).toContain('batterseapower/pinyin-toolkit#132');
    expect(json).toContain('€1,100');
    const calls = gh.calls.slice(before).map((c) => c.path);
    expect(calls).toEqual(['/repos/acme/pool/issues/7', '/search/issues']);
    expect(gh.calls.at(-1)!.query.get('q')).toBe('is:pr is:merged author:jane-go language:go');
    expect(
      await t.bot.deps.store.proposals.hasDraftFor(['github:acme/pool#7', 'github:acme/pool#8']),
    ).toEqual(new Set(['github:acme/pool#7']));
  });

  it('opens the edit modal with the trigger_id, shows field errors, then updates the draft in place', async () => {
    const t = await bot();
    const { call, id } = await draftFromOpportunity(t);
    await post(t, buttonPress('proposal_edit', id, { triggerId: '9999.edit.trigger' }));
    const opened = await t.slack.waitFor('views.open');
    expect(opened.params.trigger_id).toBe('9999.edit.trigger');
    const view = opened.params.view as {
      callback_id: string;
      private_metadata: string;
      blocks: object[];
    };
    expect(view.callback_id).toBe('proposal_edit_modal');
    expectWithinSlackLimits(view.blocks, 'view');

    const bad = await post(
      t,
      viewSubmission('proposal_edit_modal', view.private_metadata, {
        problem: ' ',
        plan: 'x'.repeat(901),
        evidence: '',
        price: '',
      }),
    );
    expect(bad.status).toBe(200);
    const errors = (await bad.json()) as {
      response_action: string;
      errors: Record<string, string>;
    };
    expect(errors.response_action).toBe('errors');
    expect(Object.keys(errors.errors).sort()).toEqual(['plan', 'problem']);
    expect(errors.errors.plan).toContain('at most 900');
    expect(t.slack.callsTo('chat.update')).toHaveLength(0);

    const good = await post(
      t,
      viewSubmission('proposal_edit_modal', view.private_metadata, {
        problem: 'Closing the pool while Get waits crashes your service.',
        plan: '1. Failing test\n2. Fix',
        evidence: 'See my PRs',
        price: '10 h',
      }),
    );
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('');
    const updated = await t.slack.waitFor('chat.update');
    expect(updated.params).toMatchObject({ channel: call.params.channel, ts: expect.any(String) });
    expect(JSON.stringify(updated.params.blocks)).toContain(
      'Closing the pool while Get waits crashes your service.',
    );
    expectWithinSlackLimits(updated.params.blocks as object[]);
    const stored = await t.bot.deps.store.proposals.get(id);
    expect(stored).toMatchObject({ version: 2, state: 'drafted' });

    // The same modal submitted again is stale now: it says so and changes nothing.
    const stale = await post(
      t,
      viewSubmission('proposal_edit_modal', view.private_metadata, {
        problem: 'a',
        plan: 'b',
        evidence: '',
        price: '',
      }),
    );
    expect(((await stale.json()) as { errors: Record<string, string> }).errors.problem).toContain(
      'changed since you opened it',
    );
    expect((await t.bot.deps.store.proposals.get(id))?.version).toBe(2);
  });

  it('tells someone who is not an approver privately, and changes nothing', async () => {
    const t = await bot();
    const { id } = await draftFromOpportunity(t);
    await post(t, buttonPress('proposal_approve', id, { user: 'U0STRANGER' }));
    await post(t, buttonPress('proposal_reject', id, { user: 'U0USER' }));
    await post(t, buttonPress('proposal_edit', id, { user: 'U0STRANGER' }));
    await nthCall(t.slack, 'chat.postEphemeral', 3);
    const told = t.slack.callsTo('chat.postEphemeral').map((c) => [c.params.user, c.params.text]);
    expect(told).toContainEqual([
      'U0STRANGER',
      'Only <@U0BOSS> can approve or reject this draft; nothing changed.',
    ]);
    expect(told).toContainEqual([
      'U0USER',
      'Only <@U0BOSS> can approve or reject this draft; nothing changed.',
    ]);
    // Edit is open to whoever asked and to the approvers, and its refusal says Edit.
    expect(told).toContainEqual([
      'U0STRANGER',
      'Only <@U0USER>, <@U0BOSS> can edit this draft; nothing changed.',
    ]);
    expect(t.slack.callsTo('chat.update')).toHaveLength(0);
    expect(t.slack.callsTo('views.open')).toHaveLength(0);
    expect((await t.bot.deps.store.proposals.get(id))?.state).toBe('drafted');
  });

  it('lets only the requester approve when no approvers are configured', async () => {
    const t = await bot('proposals:\n  approvers: []\n');
    const { id } = await draftFromOpportunity(t);
    await post(t, buttonPress('proposal_approve', id, { user: 'U0BOSS' }));
    const told = await t.slack.waitFor('chat.postEphemeral');
    expect(told.params).toMatchObject({
      user: 'U0BOSS',
      text: 'Only <@U0USER> can approve or reject this draft; nothing changed.',
    });
    await post(t, buttonPress('proposal_approve', id, { user: 'U0USER' }));
    const updated = await t.slack.waitFor('chat.update');
    expect(JSON.stringify(updated.params.blocks)).toContain('Approved by <@U0USER>');
  });

  it('approves once and announces once when Approve is pressed 20 times at once', async () => {
    const t = await bot();
    const { id, call } = await draftFromOpportunity(t);
    const posts = t.slack.callsTo('chat.postMessage').length;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(t, buttonPress('proposal_approve', id, { user: 'U0BOSS' })),
      ),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    // One more press after the dust settles; then every press's work is done.
    expect(await t.bot.deps.lifecycle.drain(5_000)).toBe(true);
    expect((await post(t, buttonPress('proposal_approve', id, { user: 'U0BOSS' }))).status).toBe(
      200,
    );
    expect(await t.bot.deps.lifecycle.drain(5_000)).toBe(true);
    // The draft message says "Approved by …"; the losing presses add no message.
    expect(t.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    // Someone who may not decide still hears why nothing happened.
    await post(t, buttonPress('proposal_approve', id, { user: 'U0STRANGER' }));
    const told = await t.slack.waitFor('chat.postEphemeral');
    expect(told.params).toMatchObject({ user: 'U0STRANGER' });
    expect(String(told.params.text)).toMatch(/^Only <@U0BOSS> can approve/);

    const updates = t.slack.callsTo('chat.update');
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0]!.params.blocks)).toContain('Approved by <@U0BOSS>');
    expect(JSON.stringify(updates[0]!.params.blocks)).not.toContain('proposal_approve');
    expectWithinSlackLimits(updates[0]!.params.blocks as object[]);
    const announcements = t.slack.callsTo('chat.postMessage').slice(posts);
    expect(announcements).toHaveLength(1);
    expect(announcements[0]!.params).toMatchObject({
      channel: 'C0CHANNEL',
      thread_ts: call.params.thread_ts,
    });
    expect(await t.bot.deps.store.proposals.get(id)).toMatchObject({
      state: 'approved',
      version: 2,
      decidedBy: 'U0BOSS',
    });
  });

  it('redraws a draft whose message was left in draft form when Approve is pressed a minute later', async () => {
    let later = 0;
    const t = await startTestBot(
      YAML,
      { GITHUB_API_URL: gh.url, DATA_DIR: tempDir() },
      () => new Date(Date.now() + later),
    );
    bots.push(t);
    const { id } = await draftFromOpportunity(t);
    // Approved, and its redraw lost (as if the bot died before chat.update).
    const draft = await t.bot.deps.store.proposals.get(id);
    await t.bot.deps.store.proposals.approve(id, draft!.version, 'U0BOSS', new Date());
    const posts = t.slack.callsTo('chat.postMessage').length;
    await post(t, buttonPress('proposal_approve', id, { user: 'U0BOSS' }));
    expect(await t.bot.deps.lifecycle.drain(5_000)).toBe(true);
    expect(t.slack.callsTo('chat.update')).toHaveLength(0); // too soon: the winner may be redrawing

    later = STALE_DRAFT_MS + 1_000;
    await post(t, buttonPress('proposal_approve', id, { user: 'U0BOSS' }));
    const redrawn = await t.slack.waitFor('chat.update');
    expect(JSON.stringify(redrawn.params.blocks)).toContain('Approved by <@U0BOSS>');
    expect(JSON.stringify(redrawn.params.blocks)).not.toContain('proposal_approve');
    expect(await t.bot.deps.lifecycle.drain(5_000)).toBe(true);
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(posts);
    expect(t.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('rejects through the modal, collapses the draft to one line and dismisses the opportunity', async () => {
    const t = await bot();
    const { id } = await draftFromOpportunity(t, 'octocat/Hello-World#1347');
    const { opportunities } = t.bot.deps.store;
    await t.bot.deps.lifecycle.drain(5_000); // marking it proposed follows the post
    expect((await opportunities.get('github:octocat/Hello-World#1347'))?.proposedAt).toBeInstanceOf(
      Date,
    );
    await post(t, buttonPress('proposal_reject', id, { user: 'U0BOSS', triggerId: '7777.reject' }));
    const opened = await t.slack.waitFor('views.open');
    expect(opened.params.trigger_id).toBe('7777.reject');
    const view = opened.params.view as {
      callback_id: string;
      private_metadata: string;
      blocks: object[];
    };
    expect(view.callback_id).toBe('proposal_reject_modal');
    expectWithinSlackLimits(view.blocks, 'view');
    const res = await post(
      t,
      viewSubmission(
        'proposal_reject_modal',
        view.private_metadata,
        { reason: 'Not Go work' },
        'U0BOSS',
      ),
    );
    expect(res.status).toBe(200);
    const updated = await t.slack.waitFor('chat.update');
    const blocks = updated.params.blocks as object[];
    expect(blocks).toHaveLength(1);
    expect(String(updated.params.text)).toContain('rejected by <@U0BOSS>');
    expect(String(updated.params.text)).toContain('Not Go work');
    await t.bot.deps.lifecycle.drain(5_000); // the dismissal runs after the update
    expect(
      (await opportunities.get('github:octocat/Hello-World#1347'))?.dismissedAt,
    ).toBeInstanceOf(Date);
  });

  it('loses nothing across a restart: a new bot on the same DATA_DIR approves the old draft', async () => {
    const dataDir = tempDir();
    const first = await bot(YAML, dataDir);
    const { id } = await draftFromOpportunity(first);
    await bots.pop()!.close(); // drains in-flight work, then closes the store

    const second = await bot(YAML, dataDir);
    const stored = await second.bot.deps.store.proposals.get(id);
    expect(stored).toMatchObject({ state: 'drafted', channel: 'C0CHANNEL', requestedBy: 'U0USER' });
    expect(stored!.ts).toMatch(/^\d+\.\d+$/);
    await post(second, buttonPress('proposal_approve', id, { user: 'U0BOSS' }));
    const updated = await second.slack.waitFor('chat.update');
    expect(updated.params).toMatchObject({ channel: 'C0CHANNEL', ts: stored!.ts });
    expect(JSON.stringify(updated.params.blocks)).toContain('Approved by <@U0BOSS>');
  });

  it('points to the open draft instead of drafting the same opportunity twice', async () => {
    const t = await bot();
    await draftFromOpportunity(t);
    const drafts = t.slack.callsTo('chat.postMessage').filter(isDraft).length;
    await post(t, buttonPress('opportunity_draft', 'acme/pool#7', { user: 'U0OTHER' }));
    const told = await t.slack.waitFor('chat.postEphemeral');
    expect(told.params).toMatchObject({
      user: 'U0OTHER',
      text: 'There is already an open draft for acme/pool#7 in <#C0CHANNEL>; approve, edit or reject that one.',
    });
    expect(t.slack.callsTo('chat.postMessage').filter(isDraft)).toHaveLength(drafts);
  });

  it('makes one draft of 10 presses of Draft at once, and points the other 9 to it', async () => {
    const t = await bot();
    const presses = Array.from({ length: 10 }, (_, i) =>
      post(t, buttonPress('opportunity_draft', 'acme/pool#7', { user: `U0PRESS${i}` })),
    );
    for (const res of await Promise.all(presses)) expect(res.status).toBe(200);
    await nthCall(t.slack, 'chat.postEphemeral', 9);
    await t.slack.waitFor('chat.postMessage', isDraft);
    const told = t.slack.callsTo('chat.postEphemeral').map((c) => String(c.params.text));
    expect(told).toHaveLength(9);
    for (const text of told)
      expect(text).toBe(
        'There is already an open draft for acme/pool#7 in <#C0CHANNEL>; approve, edit or reject that one.',
      );
    expect(t.slack.callsTo('chat.postMessage').filter(isDraft)).toHaveLength(1);
    const open = (await t.bot.deps.store.proposals.recent(20)).filter((d) => d.state === 'drafted');
    expect(open).toHaveLength(1);
  });

  it('flags a draft that is more than 80% the same as an earlier one', async () => {
    const t = await bot();
    const same = { ...goPanicIssue() };
    gh.issues.set('acme/copy#1', same);
    gh.issues.set('acme/copy#2', same);
    const first = await draftFromOpportunity(t, 'acme/copy#1');
    expect(JSON.stringify(first.call.params.blocks)).not.toContain('% the same as');
    const second = await draftFromOpportunity(t, 'acme/copy#2');
    expect(JSON.stringify(second.call.params.blocks)).toMatch(
      /\d+% the same as the proposal for acme\/copy#1/,
    );
    const different = await draftFromOpportunity(t, 'octocat/Hello-World#1347');
    expect(JSON.stringify(different.call.params.blocks)).not.toContain('% the same as');
  });
});

describe('a commercial line, as the repository’s CONTRIBUTING says (issue 22)', () => {
  it('tells the asker plainly, quoting the file, and adds nothing to the draft', async () => {
    gh.contributing.set(
      'acme/pool',
      '# Contributing\n\nPull requests must not contain payment addresses, donation appeals, referral links, or marketing copy.\n',
    );
    const t = await startTestBot(YAML, {
      GITHUB_API_URL: gh.url,
      DATA_DIR: tempDir(),
      GITHUB_TOKEN: 'ghp_test_token_0123456789',
    });
    bots.push(t);
    const { call } = await draftFromOpportunity(t);
    const told = await t.slack.waitFor('chat.postEphemeral');
    expect(told.params.user).toBe('U0USER');
    expect(String(told.params.text)).toContain('Commercial line: `CONTRIBUTING.md` forbids it');
    expect(String(told.params.text)).toContain('marketing copy');
    expect(String(told.params.text)).toContain('GitHub profile README');
    expect(JSON.stringify(call.params.blocks)).not.toContain('Commercial line');
    // One query for the file, after the issue and the evidence.
    const graphql = gh.calls.filter((c) => c.path === '/graphql');
    expect(graphql.at(-1)?.body).toContain('query Contributing');
  });
});

describe('/gigs propose and proposals.channel', () => {
  it('posts a normal message in proposals.channel, and names a missing issue privately', async () => {
    const t = await bot(`${YAML}  channel: C0PROPOSALS\n`);
    const body = slashCommandBody(
      'propose https://github.com/acme/pool/issues/7',
      t.slack.responseUrl('p1'),
    );
    expect(
      (
        await fetch(`${t.url}/slack/events`, {
          method: 'POST',
          body,
          headers: signedHeaders(SIGNING_SECRET, body),
        })
      ).status,
    ).toBe(200);
    const posted = await t.slack.waitFor('chat.postMessage', isDraft);
    expect(posted.params.channel).toBe('C0PROPOSALS');
    expect(posted.params.thread_ts).toBeUndefined();

    const missing = slashCommandBody(
      'propose https://github.com/acme/pool/issues/404',
      t.slack.responseUrl('p2'),
    );
    await fetch(`${t.url}/slack/events`, {
      method: 'POST',
      body: missing,
      headers: signedHeaders(SIGNING_SECRET, missing),
    });
    const reply = await t.slack.waitFor('response_url:/respond/p2');
    expect(reply.params.response_type).toBe('ephemeral');
    expect(String(reply.params.text)).toContain('GitHub has no issue acme/pool#404');
  });

  it('sends the draft of an opportunity to proposals.channel too, not in the thread', async () => {
    const t = await bot(`${YAML}  channel: C0PROPOSALS\n`);
    const { call } = await draftFromOpportunity(t);
    expect(call.params.channel).toBe('C0PROPOSALS');
    expect(call.params.thread_ts).toBeUndefined();
    const told = await t.slack.waitFor('chat.postEphemeral');
    expect(told.params).toMatchObject({
      channel: 'C0CHANNEL',
      user: 'U0USER',
      text: 'Your draft is in <#C0PROPOSALS>, where approvers can see it.',
    });
  });

  it('drafts in 简体中文 when locale is zh-CN', async () => {
    const t = await bot(`locale: zh-CN\n${YAML}`);
    const { call } = await draftFromOpportunity(t);
    const json = JSON.stringify(call.params.blocks);
    expect(String(call.params.text)).toBe(
      '提案草稿：pool: panic on Close while a Get is in flight',
    );
    for (const part of ['问题', '方案', '过往成果', '报价', '批准', '编辑', '拒绝'])
      expect(json).toContain(part);
    expect(json).toContain('你在 acme/pool#7 中报告');
    expectWithinSlackLimits(call.params.blocks as object[]);
  });
});
