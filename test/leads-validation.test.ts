import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import type { LeadRecord } from '../src/domain/lead.ts';
import { findValidation, signalFromWebhook } from '../src/features/leads/lead-signals.ts';
import { planLeadUpdate } from '../src/features/leads/plan-lead-update.ts';
import { parsePullNode } from '../src/features/leads/pull-details.ts';
import { fakePull, graphqlNode } from './support/fake-github-leads-shapes.ts';

type Payload = Record<string, unknown> & { action: string };
const payloads = (name: string) =>
  structuredClone(examples.find((e) => e.name === name)!.examples) as unknown as Payload[];

/**
 * @octokit/webhooks-examples has no merged `pull_request` body (both `closed`
 * examples are unmerged) and its `issue_comment` examples are on issues: the
 * merged one is a real `closed` body with GitHub's merge fields set, and the
 * comment on a pull request a real `issue_comment` body with the
 * `issue.pull_request` object GitHub adds for pull requests (docs: "Issue
 * comments on pull requests"). Everything else is the real payload.
 */
function mergedPullRequest(): Payload {
  const body = payloads('pull_request').find((p) => p.action === 'closed')!;
  const pr = body.pull_request as Record<string, unknown>;
  Object.assign(pr, {
    merged: true,
    merged_at: '2026-11-24T10:00:00Z',
    merged_by: { login: 'maintainer-mo' },
  });
  return body;
}

function commentOnPull(association: string, login = 'maintainer-mo'): Payload {
  const body = payloads('issue_comment').find((p) => p.action === 'created')!;
  const issue = body.issue as Record<string, unknown>;
  issue.pull_request = {
    url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/1',
    html_url: 'https://github.com/Codertocat/Hello-World/pull/1',
  };
  const comment = body.comment as Record<string, unknown>;
  comment.author_association = association;
  comment.user = { ...(comment.user as object), login };
  return body;
}

describe('validation on real webhook payloads', () => {
  const author = (p: Payload) =>
    signalFromWebhook(p.pull_request ? 'pull_request' : 'issue_comment', p)?.author ?? '';

  it('a merged pull_request (closed, merged) validates, at its merge time', () => {
    const read = signalFromWebhook('pull_request', mergedPullRequest())!;
    expect(read.signal).toMatchObject({ kind: 'merged', login: 'maintainer-mo' });
    expect(findValidation([read.signal], read.author)).toMatchObject({
      kind: 'merged',
      at: '2026-11-24T10:00:00Z',
    });
  });

  it('closed without merging, and the other pull_request actions, do not', () => {
    for (const body of payloads('pull_request'))
      expect(signalFromWebhook('pull_request', body), body.action).toBeUndefined();
  });

  it.each(['OWNER', 'MEMBER', 'COLLABORATOR'])(
    'a comment by %s on the pull request validates',
    (a) => {
      const read = signalFromWebhook('issue_comment', commentOnPull(a))!;
      expect(findValidation([read.signal], 'jane-go')).toMatchObject({
        kind: 'comment',
        login: 'maintainer-mo',
        body: (commentOnPull(a).comment as { body: string }).body,
      });
    },
  );

  it.each(['CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'NONE'])('a comment by %s does not', (a) => {
    const read = signalFromWebhook('issue_comment', commentOnPull(a))!;
    expect(findValidation([read.signal], 'jane-go')).toBeUndefined();
  });

  it('the author’s own comment does not, even as a collaborator', () => {
    const body = commentOnPull('COLLABORATOR', 'jane-go');
    const read = signalFromWebhook('issue_comment', body)!;
    expect(findValidation([read.signal], 'jane-go')).toBeUndefined();
  });

  it('a comment on an issue (the examples as they are) is no signal for a pull request', () => {
    for (const body of payloads('issue_comment'))
      expect(signalFromWebhook('issue_comment', body)).toBeUndefined();
  });

  it('a submitted pull_request_review by the repository owner validates; a dismissal does not', () => {
    const reviews = payloads('pull_request_review');
    const submitted = reviews.filter((p) => p.action === 'submitted');
    expect(submitted.length).toBeGreaterThan(0);
    for (const body of submitted) {
      const read = signalFromWebhook('pull_request_review', body)!;
      const review = body.review as { author_association: string; html_url: string };
      expect(review.author_association).toBe('OWNER');
      expect(findValidation([read.signal], 'someone-else')).toMatchObject({
        kind: 'review',
        url: review.html_url,
      });
    }
    for (const body of reviews.filter((p) => p.action !== 'submitted'))
      expect(signalFromWebhook('pull_request_review', body)).toBeUndefined();
    expect(author(mergedPullRequest())).toBe(
      (mergedPullRequest().pull_request as { user: { login: string } }).user.login,
    );
  });
});

const NOW = new Date('2026-11-20T09:00:00Z');

function stored(p: ReturnType<typeof fakePull>, over: Partial<LeadRecord> = {}): LeadRecord {
  const d = parsePullNode(graphqlNode(p))!;
  const { patch } = planLeadUpdate(undefined, d);
  return {
    ...patch,
    id: d.id,
    author: d.author,
    origin: 'search',
    watchedBy: undefined,
    opportunityId: undefined,
    contributing: undefined,
    prCreatedAt: new Date(d.createdAt),
    lastEventAt: patch.lastEventAt,
    firstReplyAt: patch.firstReplyAt,
    mergedAt: patch.mergedAt,
    channel: 'C0LEADS',
    ts: '1.1',
    validatedAt: undefined,
    validation: undefined,
    validationTs: undefined,
    won: undefined,
    etag: undefined,
    firstSeenAt: NOW,
    ...over,
  };
}

describe('what changed, on the GraphQL shape the details query returns', () => {
  it('on first sight, history is not news; a maintainer reply in it validates', () => {
    const p = fakePull({ repo: 'gin-gonic/gin', author: 'jane-go' });
    p.comments.push({
      id: 'IC_1',
      login: 'bob',
      association: 'NONE',
      body: '+1',
      at: '2026-11-03T10:00:00Z',
    });
    p.reviews.push({
      id: 'PRR_1',
      login: 'mo',
      association: 'MEMBER',
      state: 'COMMENTED',
      body: 'Looks right.',
      at: '2026-11-05T10:00:00Z',
    });
    const plan = planLeadUpdate(undefined, parsePullNode(graphqlNode(p))!);
    expect(plan.news).toEqual([]);
    expect(plan.validation).toMatchObject({ kind: 'review', login: 'mo', body: 'Looks right.' });
    expect(plan.patch.firstReplyAt).toEqual(new Date('2026-11-05T10:00:00Z'));
  });

  it('later: one piece of news per review and maintainer comment, none for others’ comments', () => {
    const p = fakePull({ repo: 'gin-gonic/gin', author: 'jane-go' });
    const prior = stored(p);
    p.comments.push(
      { id: 'IC_2', login: 'bob', association: 'NONE', body: 'me too', at: '2026-11-06T10:00:00Z' },
      {
        id: 'IC_3',
        login: 'jane-go',
        association: 'CONTRIBUTOR',
        body: 'rebased',
        at: '2026-11-06T11:00:00Z',
      },
      {
        id: 'IC_4',
        login: 'mo',
        association: 'OWNER',
        body: 'Thanks, merging soon',
        at: '2026-11-07T10:00:00Z',
      },
    );
    p.reviews.push({
      id: 'PRR_2',
      login: 'carl',
      association: 'CONTRIBUTOR',
      state: 'APPROVED',
      body: '',
      at: '2026-11-06T12:00:00Z',
    });
    const plan = planLeadUpdate(prior, parsePullNode(graphqlNode(p))!);
    expect(plan.news.map((n) => (n.kind === 'event' ? n.event.id : n.kind))).toEqual([
      'PRR_2',
      'IC_4',
    ]);
    expect(plan.validation).toMatchObject({ kind: 'comment', login: 'mo' });
    expect(plan.patch.facts).toMatchObject({ approvals: 1, lastReply: { login: 'mo' } });
    expect(plan.changed).toBe(true);
  });

  it('a merge is news once, and an already validated lead is not validated again', () => {
    const p = fakePull({ repo: 'gin-gonic/gin', author: 'jane-go' });
    const prior = stored(p, { validatedAt: NOW, validationTs: '2.2' });
    Object.assign(p, {
      state: 'MERGED',
      mergedAt: '2026-11-21T10:00:00Z',
      updatedAt: '2026-11-21T10:00:00Z',
    });
    const plan = planLeadUpdate(prior, parsePullNode(graphqlNode(p))!);
    expect(plan.news).toEqual([
      {
        kind: 'merged',
        at: '2026-11-21T10:00:00Z',
        url: p && `https://github.com/gin-gonic/gin/pull/${p.number}`,
      },
    ]);
    expect(plan.validation).toBeUndefined();
    const again = planLeadUpdate({ ...prior, ...plan.patch }, parsePullNode(graphqlNode(p))!);
    expect(again.news).toEqual([]);
    expect(again.changed).toBe(false);
  });

  it('nothing changed: no news, no edit', () => {
    const p = fakePull({ repo: 'gin-gonic/gin', author: 'jane-go' });
    const plan = planLeadUpdate(stored(p), parsePullNode(graphqlNode(p))!);
    expect(plan).toMatchObject({ news: [], validation: undefined, changed: false });
  });

  it('a node GitHub no longer shows (null) is no pull request', () => {
    expect(parsePullNode(null)).toBeNull();
    expect(parsePullNode({ __typename: 'Issue', id: 'I_1' })).toBeNull();
  });
});
