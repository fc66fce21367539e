import { readFileSync } from 'node:fs';
import recorded from '@octokit/fixtures/scenarios/api.github.com/search-issues/normalized-fixture.json' with {
  type: 'json',
};
import { describe, expect, it } from 'vitest';
import { detectBounty } from '../src/domain/detect-bounty.ts';
import type { Candidate } from '../src/domain/opportunity.ts';
import { scoreOpportunity, WEIGHTS } from '../src/features/radar/score-opportunity.ts';
import {
  selectOpportunities,
  unavailableBecause,
} from '../src/features/radar/select-opportunities.ts';
import { buildSearchQuery } from '../src/sources/github/fetch-candidates.ts';
import { parseEnrichment, parseSearchHits, toCandidate } from '../src/sources/github/search.ts';
import { type FakeIssue, toGraphqlNode, toSearchItem } from './support/fake-github.ts';

const now = new Date('2026-11-20T09:00:00Z');
const settings = { minComments: 5, minStars: 500, excludeRepos: [], excludeLabels: [] };
const noFilters = { words: [], labels: [] };

/** The recorded search response from @octokit/fixtures (a real GitHub answer). */
const recordedBody = (recorded as Array<{ response: unknown }>)[0]!.response;
/** The official example from GitHub's OpenAPI description (@octokit/openapi). */
const openapi = JSON.parse(
  readFileSync('node_modules/@octokit/openapi/generated/api.github.com.json', 'utf8'),
) as { components: { examples: Record<string, { value: unknown }> } };
const officialBody = openapi.components.examples['issue-search-result-item-paginated']!.value;

const enrichment = (i: FakeIssue) => parseEnrichment(toGraphqlNode(i))!;
const candidate = (i: FakeIssue): Candidate => {
  const [hit] = parseSearchHits({ total_count: 1, items: [toSearchItem(i)] });
  return toCandidate(hit!, enrichment(i));
};
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('real search payloads', () => {
  it('parses the recorded @octokit/fixtures search-issues response', () => {
    const hits = parseSearchHits(recordedBody);
    expect(hits.map((h) => [h.repo, h.number, h.comments, h.locked, h.assignees])).toEqual([
      ['octokit-fixture-org/search-issues', 2, 42, false, 0],
      ['octokit-fixture-org/search-issues', 1, 42, false, 0],
    ]);
    expect(hits[0]!.title).toBe('Sesame seeds split without a pop!');
    expect(hits[0]!.createdAt.toISOString()).toBe('2017-10-10T16:00:00.000Z');
  });

  it('drops pull requests: the official OpenAPI example is one', () => {
    expect(parseSearchHits(officialBody)).toEqual([]);
    const body = officialBody as { items: Array<Record<string, unknown>> };
    const { pull_request: _pr, ...issue } = body.items[0]!;
    const [hit] = parseSearchHits({ ...body, items: [issue] });
    expect(hit).toMatchObject({
      repo: 'batterseapower/pinyin-toolkit',
      number: 132,
      labels: ['bug'],
      comments: 15,
      locked: true,
    });
  });

  it('scores and filters the recorded hits with their enrichment', () => {
    const hits = parseSearchHits(recordedBody);
    const stars = [2_000, 100];
    const candidates = hits.map((h, n) =>
      toCandidate(
        h,
        enrichment({
          repo: h.repo,
          number: h.number,
          title: h.title,
          stars: stars[n]!,
          comments: 42,
        }),
      ),
    );
    const ranked = selectOpportunities(candidates, settings, noFilters, now);
    // #1 is in a repository with 100 stars, under radar.minStars (500).
    expect(ranked.map((o) => o.id)).toEqual(['github:octokit-fixture-org/search-issues#2']);
    // Opened 2017-10-10 and never answered by a maintainer.
    expect(ranked[0]!.reasons).toContainEqual({ kind: 'noMaintainerReply' });
    expect(ranked[0]!.reasons).toContainEqual({ kind: 'comments', count: 42 });
  });

  it('leaves a locked issue out, whatever its score', () => {
    const body = officialBody as { items: Array<Record<string, unknown>> };
    const { pull_request: _pr, ...issue } = body.items[0]!;
    const [hit] = parseSearchHits({ ...body, items: [issue] });
    const c = toCandidate(
      hit!,
      enrichment({ repo: hit!.repo, number: 132, title: '', stars: 9_000 }),
    );
    expect(unavailableBecause(c)).toBe('locked');
    expect(selectOpportunities([c], settings, noFilters, now)).toEqual([]);
  });
});

describe('scoreOpportunity', () => {
  const base: FakeIssue = {
    repo: 'acme/api',
    number: 1,
    title: 'Flaky reconnect',
    comments: 12,
    stars: 23_000,
    createdAt: daysAgo(60),
  };

  it('ranks an active issue maintainers neglect above one they answered yesterday', () => {
    const neglected = candidate({
      ...base,
      number: 1,
      recentComments: [
        { authorAssociation: 'MEMBER', createdAt: daysAgo(41) },
        { authorAssociation: 'NONE', createdAt: daysAgo(2) },
      ],
    });
    const answered = candidate({
      ...base,
      number: 2,
      recentComments: [
        { authorAssociation: 'NONE', createdAt: daysAgo(3) },
        { authorAssociation: 'COLLABORATOR', createdAt: daysAgo(1) },
      ],
    });
    const a = scoreOpportunity(neglected, now);
    const b = scoreOpportunity(answered, now);
    expect(a.score).toBeGreaterThan(b.score);
    expect(a.reasons).toContainEqual({ kind: 'maintainerSilence', days: 41 });
    expect(a.lastMaintainerReplyAt?.toISOString()).toBe(daysAgo(41));
    expect(a.reasons.length).toBeLessThanOrEqual(3);
  });

  it('puts a bounty first among the reasons', () => {
    const o = scoreOpportunity(
      candidate({
        ...base,
        recentComments: [
          { authorAssociation: 'NONE', createdAt: daysAgo(5), body: '💎 $500 bounty • algora' },
        ],
      }),
      now,
    );
    expect(o.bounty).toEqual({ amount: 500, currency: 'USD' });
    expect(o.reasons[0]).toEqual({ kind: 'bounty', amount: 500, currency: 'USD' });
  });

  it('is pure: same input, same output; weights live in WEIGHTS', () => {
    const c = candidate(base);
    expect(scoreOpportunity(c, now)).toEqual(scoreOpportunity(c, now));
    expect(WEIGHTS.neglect.maxDays).toBeGreaterThan(0);
    const old = scoreOpportunity(candidate({ ...base, createdAt: daysAgo(365 * 4) }), now);
    const young = scoreOpportunity(candidate({ ...base, createdAt: daysAgo(100) }), now);
    expect(old.score).toBeLessThan(young.score);
  });
});

describe('detectBounty', () => {
  it.each([
    [['💎 Bounty'], [], { amount: 0, currency: 'USD' }],
    [['$250'], [], { amount: 250, currency: 'USD' }],
    [[], ['This issue has a $1,500 bounty'], { amount: 1500, currency: 'USD' }],
    [[], ['Bounty: 300 EUR via IssueHunt'], { amount: 300, currency: 'EUR' }],
    [[], ['costs me $40 a month in CI'], undefined],
    [['bug'], ['no money here'], undefined],
  ])('labels %j, texts %j → %j', (labels, texts, expected) => {
    expect(detectBounty(labels, texts)).toEqual(expected);
  });
});

describe('selectOpportunities', () => {
  const ok: FakeIssue = { repo: 'acme/api', number: 1, title: 'ok', comments: 8, stars: 900 };
  const all: FakeIssue[] = [
    ok,
    { ...ok, number: 2, assignees: 1 },
    { ...ok, number: 3, openPullRequests: 1 },
    { ...ok, number: 4, archived: true },
    { ...ok, number: 5, locked: true },
    { ...ok, number: 6, stars: 100 },
    { ...ok, number: 7, comments: 2 },
    { ...ok, repo: 'spam/repo', number: 8 },
    { ...ok, number: 9, labels: ['wontfix'] },
  ];

  it('keeps only real openings within the configured thresholds', () => {
    const ranked = selectOpportunities(
      all.map(candidate),
      { ...settings, excludeRepos: ['Spam/Repo'], excludeLabels: ['WontFix'] },
      noFilters,
      now,
    );
    expect(ranked.map((o) => o.id)).toEqual(['github:acme/api#1']);
  });

  it('lets /gigs min-stars: and min-comments: replace the configured minimum', () => {
    const ranked = selectOpportunities(
      all.map(candidate),
      settings,
      { words: [], labels: [], minStars: 50, minComments: 1 },
      now,
    );
    expect(ranked.map((o) => Number(o.key.split('#')[1])).sort()).toEqual([1, 6, 7, 8, 9]);
  });

  it('puts words, labels, repo and the comment floor into the search query', () => {
    expect(
      buildSearchQuery(
        'language:go is:issue',
        { words: ['grpc', 'load balancer'], labels: ['good first issue'], repo: 'grpc/grpc-go' },
        5,
      ),
    ).toBe(
      'language:go is:issue grpc "load balancer" label:"good first issue" repo:grpc/grpc-go comments:>=5',
    );
  });
});
