import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { fileSchema } from '../src/config.ts';
import { combineCheckConclusions } from '../src/features/delivery/combine-check-conclusions.ts';
import { findNotionPageIds } from '../src/features/delivery/find-notion-page-ids.ts';
import { parsePullRequest } from '../src/features/delivery/github-pulls.ts';
import { mapPullRequestStatus } from '../src/features/delivery/map-pull-request-status.ts';
import {
  desiredDelivery,
  planDeliveryUpdate,
} from '../src/features/delivery/plan-delivery-update.ts';
import { webhookTargets } from '../src/features/delivery/process-webhook-event.ts';

const delivery = fileSchema.parse({
  delivery: { repos: ['Codertocat/Hello-World'], notion: { dataSourceId: 'ds' } },
}).delivery!;
const { statusMap } = delivery.notion;

type Example = { action: string; pull_request: Record<string, unknown> };
const events = (name: string) =>
  examples.find((e) => e.name === name)!.examples as unknown as Example[];

describe('status mapping on real pull_request webhook bodies', () => {
  const expected: Record<string, string> = {
    opened: statusMap.open,
    ready_for_review: statusMap.open,
    reopened: statusMap.open,
    converted_to_draft: statusMap.draft,
    closed: statusMap.closed,
    review_requested: statusMap.open,
    synchronize: statusMap.open,
  };
  const cases = events('pull_request')
    .filter((e) => e.action in expected)
    .map((e, i) => [`${e.action} (#${i})`, e, expected[e.action]!] as const);

  it('covers every state-changing action in the examples', () => {
    expect(new Set(cases.map(([, e]) => e.action))).toEqual(new Set(Object.keys(expected)));
  });

  it.each(cases)('%s → its status', (_name, example, status) => {
    const pr = parsePullRequest(example.pull_request);
    expect(mapPullRequestStatus(pr.state, statusMap)).toBe(status);
  });

  // The examples hold no merged close; GitHub sends the same body with
  // merged: true and merged_at set (docs: "closed" with merged true).
  it('maps a merged close to Done with the merge time as Date', () => {
    const closed = events('pull_request').find((e) => e.action === 'closed')!;
    const body = { ...closed.pull_request, merged: true, merged_at: '2026-11-20T10:00:00Z' };
    const pr = parsePullRequest(body);
    expect(mapPullRequestStatus(pr.state, statusMap)).toBe(statusMap.merged);
    const desired = desiredDelivery({ ...pr, approvers: [], qa: undefined }, statusMap);
    expect(desired.date).toBe('2026-11-20T10:00:00Z');
  });

  it('reads requested reviewers from review_requested', () => {
    const e = events('pull_request').find((x) => x.action === 'review_requested')!;
    expect(parsePullRequest(e.pull_request).requestedReviewers).toEqual(['octocat']);
  });

  it('maps the pull request inside pull_request_review bodies (no draft field)', () => {
    const [e] = events('pull_request_review');
    expect(parsePullRequest(e!.pull_request).state).toBe('open');
  });
});

describe('webhookTargets', () => {
  const repos = ['Codertocat/Hello-World'];
  it('takes the pull request from pull_request bodies, ignoring labels and other repos', () => {
    const [opened] = events('pull_request');
    expect(webhookTargets('pull_request', opened, repos)).toHaveLength(1);
    expect(webhookTargets('pull_request', opened, ['acme/api'])).toEqual([]);
    const labeled = events('pull_request').find((x) => x.action === 'labeled');
    expect(webhookTargets('pull_request', labeled, repos)).toEqual([]);
  });

  it('names the pull requests of check_suite and check_run bodies by number', () => {
    const suite = events('check_suite')[0];
    expect(webhookTargets('check_suite', suite, repos)).toEqual([
      { repo: 'Codertocat/Hello-World', number: 2 },
    ]);
    const run = events('check_run').find(
      (r) => (r as unknown as { action: string }).action === 'completed',
    );
    expect(webhookTargets('check_run', run, repos)).toEqual([
      { repo: 'Codertocat/Hello-World', number: 2 },
    ]);
  });
});

describe('combineCheckConclusions', () => {
  it.each([
    [[], undefined],
    [
      [
        { status: 'completed', conclusion: 'success' },
        { status: 'completed', conclusion: 'skipped' },
      ],
      'success',
    ],
    [
      [
        { status: 'completed', conclusion: 'success' },
        { status: 'in_progress', conclusion: null },
      ],
      'pending',
    ],
    [
      [
        { status: 'in_progress', conclusion: null },
        { status: 'completed', conclusion: 'timed_out' },
      ],
      'failure',
    ],
  ])('%j → %s', (runs, expected) => {
    expect(combineCheckConclusions(runs)).toBe(expected);
  });
});

describe('findNotionPageIds', () => {
  it('finds links, dashed and compact ids, but not commit SHAs', () => {
    const body = [
      'Closes https://www.notion.so/acme/Login-flow-0123456789abcdef0123456789abcdef?pvs=4',
      'also 89ABCDEF-0123-4567-89ab-cdef01234567',
      'sha ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    ].join('\n');
    expect(findNotionPageIds(body)).toEqual([
      '0123456789abcdef0123456789abcdef',
      '89abcdef0123456789abcdef01234567',
    ]);
  });
});

describe('planDeliveryUpdate', () => {
  const pr = {
    ...parsePullRequest(events('pull_request')[0]!.pull_request),
    approvers: ['bob'],
    requestedReviewers: ['alice'],
    qa: 'success' as const,
  };
  const item = {
    pageId: 'p',
    url: 'u',
    title: 'Login',
    status: statusMap.open,
    prUrl: pr.url,
    reviewer: 'alice, bob',
    reviewerIds: [],
    date: undefined,
    qa: 'success',
    points: 3,
    client: 'ACME',
    blocked: false,
    createdTime: '',
    lastEditedTime: '',
  };

  it('plans nothing when Notion already shows the pull request', () => {
    const desired = desiredDelivery(pr, statusMap);
    expect(planDeliveryUpdate(item, desired, { reviewer: 'rich_text' }, {})).toEqual({});
  });

  it('plans only what differs; people compare by mapped Notion user id', () => {
    const desired = desiredDelivery(
      { ...pr, state: 'merged', mergedAt: '2026-11-20T10:00:00Z' },
      statusMap,
    );
    expect(
      planDeliveryUpdate(item, desired, { reviewer: 'people' }, { alice: 'user-a', bob: 'user-b' }),
    ).toEqual({
      status: statusMap.merged,
      date: '2026-11-20T10:00:00Z',
      reviewer: { text: 'alice, bob', people: ['user-a', 'user-b'] },
    });
  });

  it('treats the same instant in another notation as unchanged', () => {
    const desired = desiredDelivery(
      { ...pr, state: 'merged', mergedAt: '2026-11-20T10:00:00Z' },
      statusMap,
    );
    const merged = {
      ...item,
      status: statusMap.merged,
      date: { start: '2026-11-20T10:00:00.000+00:00', end: undefined },
    };
    expect(planDeliveryUpdate(merged, desired, { reviewer: 'rich_text' }, {})).toEqual({});
  });
});
