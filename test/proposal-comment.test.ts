import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_LEASE_MS, commentMarker } from '../src/features/proposals/comment-on-github.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { SIGNING_SECRET, tempDir } from './support/env.ts';
import { FakeGitHubIssues } from './support/fake-github-issues.ts';
import type { RecordedCall } from './support/fake-slack.ts';
import { goPanicIssue } from './support/github-fixtures.ts';
import { buttonPress, draftIdOf } from './support/proposal-payloads.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';
import { interactionBody, signedHeaders } from './support/slack-sign.ts';

/**
 * Comment on GitHub (issue 21, PRODUCT.md `proposal_comment`): after Approve,
 * a GitHub-sourced draft posts its approved text as an issue comment, once,
 * through signed requests against the fake Slack and a fake GitHub.
 */
const YAML = `
proposals:
  approvers: [U0BOSS]
  hourlyRate: 90
  currency: USD
  signature: Jane
  about: Nine years of Go.
`;
const ISSUE = 'acme/pool#7';
const COMMENTS_PATH = '/repos/acme/pool/issues/7/comments';

let gh: FakeGitHubIssues;
const bots: TestBot[] = [];

beforeAll(async () => {
  gh = await new FakeGitHubIssues().start();
});
afterEach(async () => {
  while (bots.length) await bots.pop()!.close();
  gh.issues.clear();
  gh.comments.clear();
  gh.calls.length = 0;
  gh.commentAnswer = () => 'ok';
});
afterAll(async () => {
  await gh.stop();
});

async function bot(dataDir = tempDir(), now?: () => Date): Promise<TestBot> {
  gh.issues.set(ISSUE, goPanicIssue());
  const t = await startTestBot(
    YAML,
    { GITHUB_API_URL: gh.url, GITHUB_TOKEN: 'ghp_test', DATA_DIR: dataDir },
    // A short grace: a bot closed mid-post stands for one that died.
    { ...(now ? { now } : {}), shutdownGraceMs: 50 },
  );
  bots.push(t);
  return t;
}

const press = async (t: TestBot, actionId: string, value: string, user = 'U0BOSS') => {
  const body = interactionBody(buttonPress(actionId, value, { user }));
  const res = await fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });
  expect(res.status).toBe(200);
};

const blocksOf = (c: RecordedCall) => JSON.stringify(c.params.blocks ?? []);
const posts = () => gh.calls.filter((c) => c.method === 'POST' && c.path === COMMENTS_PATH);
const ephemeralTo = (t: TestBot, user: string, text: string | RegExp) =>
  t.slack.waitFor(
    'chat.postEphemeral',
    (c) =>
      c.params.user === user &&
      (typeof text === 'string'
        ? String(c.params.text).includes(text)
        : text.test(String(c.params.text))),
  );

/** Drafts acme/pool#7 from its listing and approves it; resolves with the draft id. */
async function approvedDraft(t: TestBot): Promise<string> {
  await press(t, 'opportunity_draft', `github:${ISSUE}`, 'U0USER');
  const draft = await t.slack.waitFor('chat.postMessage', (c) =>
    blocksOf(c).includes('proposal_approve'),
  );
  const id = draftIdOf(draft);
  // A draft is not yet for GitHub: no Comment button before approval.
  expect(blocksOf(draft)).not.toContain('proposal_comment');
  await press(t, 'proposal_approve', id);
  const approved = await t.slack.waitFor('chat.update', (c) =>
    blocksOf(c).includes('proposal_comment'),
  );
  expectWithinSlackLimits(approved.params.blocks as object[]);
  return id;
}

const linkShown = (t: TestBot) =>
  t.slack.waitFor('chat.update', (c) => blocksOf(c).includes('#issuecomment-'));

describe('Comment on GitHub, through signed requests', () => {
  it('posts the approved text as GitHub Markdown with its marker, once, then shows the link', async () => {
    const t = await bot();
    const id = await approvedDraft(t);
    await press(t, 'proposal_comment', id);
    const updated = await linkShown(t);
    expect(posts()).toHaveLength(1);
    const body = JSON.parse(posts()[0]!.body!).body as string;
    expect(body).toMatch(/^Hi octocat,\nYou reported "panic on Close while a Get is in flight"/);
    // Markdown, as GitHub renders it: the code spans stay.
    expect(body).toContain('`panic: send on closed channel`');
    expect(body).toContain('Nine years of Go.');
    expect(body.endsWith(`\n\n${commentMarker(id)}`)).toBe(true);
    // The draft now links the comment and offers the button no more.
    expect(blocksOf(updated)).toContain('https://github.com/acme/pool/issues/7#issuecomment-1000');
    expect(blocksOf(updated)).not.toContain('proposal_comment');
    expectWithinSlackLimits(updated.params.blocks as object[]);
    await ephemeralTo(t, 'U0BOSS', 'Posted on GitHub');
  });

  it('posts once however many presses arrive at once (20), and tells the others', async () => {
    const t = await bot();
    const id = await approvedDraft(t);
    // Drafting told the asker what CONTRIBUTING says; the presses' answers are the rest.
    const answers = () =>
      t.slack
        .callsTo('chat.postEphemeral')
        .map((c) => String(c.params.text))
        .filter((x) => !x.startsWith('Commercial line'));
    await Promise.all(Array.from({ length: 20 }, () => press(t, 'proposal_comment', id)));
    await linkShown(t);
    // Every press is answered: one posted, the others told it is under way or done.
    await waitUntil(() => answers().length >= 20);
    expect(posts()).toHaveLength(1);
    expect(gh.comments.get(ISSUE)).toHaveLength(1);
    const told = answers();
    expect(told.filter((x) => x.startsWith('Posted on GitHub'))).toHaveLength(1);
    expect(told.filter((x) => /being posted right now|already a comment on/.test(x))).toHaveLength(
      19,
    );
    // A press later still posts nothing.
    await press(t, 'proposal_comment', id);
    await ephemeralTo(t, 'U0BOSS', 'nothing was posted again');
    expect(posts()).toHaveLength(1);
  });

  it('lets only approvers press it', async () => {
    const t = await bot();
    const id = await approvedDraft(t);
    await press(t, 'proposal_comment', id, 'U0STRANGER');
    await ephemeralTo(t, 'U0STRANGER', 'Only <@U0BOSS> can approve or reject this draft');
    // The requester is not an approver either.
    await press(t, 'proposal_comment', id, 'U0USER');
    await ephemeralTo(t, 'U0USER', 'Only <@U0BOSS>');
    expect(posts()).toHaveLength(0);
  });

  it('says what to do when the token may not comment (403), and posts once it may', async () => {
    const t = await bot();
    const id = await approvedDraft(t);
    gh.commentAnswer = () => ({
      status: 403,
      message: 'Resource not accessible by personal access token',
    });
    await press(t, 'proposal_comment', id);
    const told = await ephemeralTo(t, 'U0BOSS', 'GitHub refused the comment on acme/pool#7 (403)');
    expect(String(told.params.text)).toContain('Issues: write');
    expect(gh.comments.get(ISSUE) ?? []).toHaveLength(0);
    // Fixed: the next press starts afresh (nothing was posted, so nothing to look for).
    gh.commentAnswer = () => 'ok';
    const gets = () => gh.calls.filter((c) => c.method === 'GET' && c.path === COMMENTS_PATH);
    const before = gets().length;
    await press(t, 'proposal_comment', id);
    await linkShown(t);
    expect(gets().length).toBe(before);
    expect(gh.comments.get(ISSUE)).toHaveLength(1);
  });

  it('names a missing issue or repository (404), a locked issue and a missing token', async () => {
    const t = await bot();
    const id = await approvedDraft(t);
    gh.commentAnswer = () => ({ status: 404, message: 'Not Found' });
    await press(t, 'proposal_comment', id);
    await ephemeralTo(t, 'U0BOSS', 'GitHub answered 404 for acme/pool#7');
    gh.commentAnswer = () => ({
      status: 403,
      message: 'Unable to create comment because issue is locked.',
    });
    await press(t, 'proposal_comment', id);
    await ephemeralTo(t, 'U0BOSS', 'acme/pool#7 is locked');
    gh.commentAnswer = () => ({ status: 401, message: 'Requires authentication' });
    await press(t, 'proposal_comment', id);
    await ephemeralTo(t, 'U0BOSS', 'valid GITHUB_TOKEN (it answered 401)');
    expect(gh.comments.get(ISSUE) ?? []).toHaveLength(0);
  });

  it('after an answer that never confirmed it, finds the comment by its marker instead of posting again', async () => {
    const t = await bot();
    const id = await approvedDraft(t);
    // GitHub stores the comment, then answers 502.
    gh.commentAnswer = () => ({ landed: 502 });
    await press(t, 'proposal_comment', id);
    await ephemeralTo(t, 'U0BOSS', 'GitHub did not confirm the comment');
    expect(gh.comments.get(ISSUE)).toHaveLength(1);
    gh.commentAnswer = () => 'ok';
    await press(t, 'proposal_comment', id);
    const updated = await linkShown(t);
    expect(blocksOf(updated)).toContain('#issuecomment-1');
    expect(gh.comments.get(ISSUE)).toHaveLength(1);
    // One POST in all (never retried by the client), then a look at the comments since the first try.
    expect(posts()).toHaveLength(1);
    const look = gh.calls.find((c) => c.method === 'GET' && c.path === COMMENTS_PATH);
    expect(look?.query.get('since')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('after a restart: a claim left by a bot that died mid-post is waited out, then the comment found', async () => {
    const dataDir = tempDir();
    let clock = new Date();
    const first = await bot(dataDir, () => clock);
    const id = await approvedDraft(first);
    // The first bot claims and posts; GitHub keeps the comment and never answers; the bot dies.
    gh.commentAnswer = () => 'hang';
    await press(first, 'proposal_comment', id);
    await waitUntil(() => (gh.comments.get(ISSUE) ?? []).length === 1);
    await bots.splice(bots.indexOf(first), 1)[0]!.close();

    gh.commentAnswer = () => 'ok';
    const second = await bot(dataDir, () => clock);
    // Within the dead bot's lease: told it is under way, nothing posted.
    await press(second, 'proposal_comment', id);
    await ephemeralTo(second, 'U0BOSS', 'being posted right now');
    // Past the lease: taken over, looked for, found; still one comment and one POST.
    clock = new Date(clock.getTime() + COMMENT_LEASE_MS + 1000);
    await press(second, 'proposal_comment', id);
    await linkShown(second);
    expect(gh.comments.get(ISSUE)).toHaveLength(1);
    expect(posts()).toHaveLength(1);
  });

  it('refuses a press on a job post’s draft: it is pasted, not commented', async () => {
    const t = await bot();
    const { store } = t.bot.deps;
    const now = new Date();
    await store.proposals.create({
      id: 'post-draft',
      opportunityId: 'post:3f2a9c',
      issueUrl: '',
      issueTitle: 'Fix our Stripe webhooks',
      locale: 'en',
      sections: { problem: 'Hi Sarah,', plan: '1. Fix it.', evidence: '', price: '$500' },
      hours: 5,
      requestedBy: 'U0USER',
      channel: 'C0CHANNEL',
      ts: '1.2',
      threadTs: undefined,
      similar: undefined,
      createdAt: now,
    });
    await press(t, 'proposal_comment', 'post-draft');
    await ephemeralTo(t, 'U0BOSS', 'Approve the draft first');
    await store.proposals.approve('post-draft', 1, 'U0BOSS', now);
    await press(t, 'proposal_comment', 'post-draft');
    await ephemeralTo(t, 'U0BOSS', 'not for a GitHub issue');
    expect(posts()).toHaveLength(0);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
