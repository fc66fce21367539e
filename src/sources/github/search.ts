import { z } from 'zod';
import type { GitHubClient } from '../../clients/github.ts';
import { statusOf, toGigopsError } from '../../clients/github-errors.ts';
import type { Candidate } from '../../domain/opportunity.ts';
import { ENRICH_QUERY } from './enrich-query.ts';

/** The fields of a search hit we use (GET /search/issues), parsed at the edge. */
const searchItem = z.object({
  node_id: z.string(),
  number: z.number().int(),
  html_url: z.string(),
  repository_url: z.string(),
  title: z.string(),
  body: z.string().nullish(),
  labels: z.array(z.union([z.string(), z.object({ name: z.string().nullish() })])).default([]),
  comments: z.number().int().nonnegative(),
  created_at: z.string(),
  locked: z.boolean().default(false),
  assignees: z.array(z.unknown()).nullish(),
  assignee: z.unknown().nullish(),
  pull_request: z.unknown().optional(),
});
const searchResult = z.object({ total_count: z.number(), items: z.array(searchItem) });

/** A search hit: what GET /search/issues says of one issue. */
export interface SearchHit
  extends Pick<
    Candidate,
    'url' | 'title' | 'body' | 'labels' | 'comments' | 'createdAt' | 'locked' | 'assignees'
  > {
  nodeId: string;
  repo: string;
  number: number;
}

/** The source's name: ids are `github:owner/repo#12`. */
export const GITHUB_SOURCE = 'github';

/** A hit's identity as every source names its candidates. */
const identity = (hit: SearchHit) => {
  const key = `${hit.repo}#${hit.number}`;
  return { source: GITHUB_SOURCE, key, label: key, project: hit.repo };
};

export interface SearchPage {
  hits: SearchHit[];
  etag: string | undefined;
}

const prState = z.object({ __typename: z.string(), state: z.string().optional() }).nullish();
const enrichedIssue = z.object({
  id: z.string(),
  locked: z.boolean(),
  repository: z.object({
    nameWithOwner: z.string(),
    stargazerCount: z.number(),
    isArchived: z.boolean(),
  }),
  assignees: z.object({ totalCount: z.number() }),
  comments: z.object({
    totalCount: z.number(),
    nodes: z
      .array(
        z
          .object({ authorAssociation: z.string(), createdAt: z.string(), body: z.string() })
          .nullable(),
      )
      .default([]),
  }),
  closedByPullRequestsReferences: z.object({ totalCount: z.number() }).nullish(),
  timelineItems: z.object({
    nodes: z
      .array(
        z
          .object({ __typename: z.string(), source: prState, subject: prState })
          .partial({ source: true, subject: true })
          .nullable(),
      )
      .default([]),
  }),
});
const enrichResult = z.object({
  nodes: z.array(z.union([enrichedIssue, z.object({}).loose(), z.null()])),
});
export type Enrichment = z.output<typeof enrichedIssue>;

/** A GraphQL node of ENRICH_QUERY's answer → its enrichment, or undefined when not an issue. */
export const parseEnrichment = (node: unknown): Enrichment | undefined => {
  const parsed = enrichedIssue.safeParse(node);
  return parsed.success ? parsed.data : undefined;
};

/**
 * Issue search with a conditional request: with the last ETag, GitHub may
 * answer 304 (costs no rate limit), and we return `undefined`: "unchanged".
 */
export async function searchIssues(
  github: GitHubClient,
  q: string,
  perPage: number,
  etag?: string,
  now: () => Date = () => new Date(),
): Promise<SearchPage | undefined> {
  try {
    const res = await github.request('GET /search/issues', {
      q,
      per_page: perPage,
      sort: 'updated',
      order: 'desc',
      headers: etag ? { 'if-none-match': etag } : {},
    });
    return {
      hits: parseSearchHits(res.data),
      etag: typeof res.headers.etag === 'string' ? res.headers.etag : undefined,
    };
  } catch (error) {
    if (statusOf(error) === 304) return undefined;
    throw toGigopsError(error, now());
  }
}

/** A GET /search/issues body → the issues in it (pull requests dropped). */
export function parseSearchHits(body: unknown): SearchHit[] {
  return searchResult
    .parse(body)
    .items.filter((i) => i.pull_request === undefined)
    .map(toHit);
}

/** One GraphQL request for every hit (GitHub allows 100 node ids per call). */
export async function enrichIssues(
  github: GitHubClient,
  nodeIds: readonly string[],
  now: () => Date = () => new Date(),
): Promise<Map<string, Enrichment>> {
  const found = new Map<string, Enrichment>();
  if (nodeIds.length === 0) return found;
  try {
    const data = enrichResult.parse(
      await github.graphql(ENRICH_QUERY, { ids: nodeIds.slice(0, 100) }),
    );
    for (const node of data.nodes) {
      const parsed = enrichedIssue.safeParse(node);
      if (parsed.success) found.set(parsed.data.id, parsed.data);
    }
    return found;
  } catch (error) {
    throw toGigopsError(error, now());
  }
}

/** A hit and its enrichment, as the domain sees them. */
export function toCandidate(hit: SearchHit, e: Enrichment): Candidate {
  const { nodeId: _nodeId, repo: _repo, number: _number, ...rest } = hit;
  const prs = e.timelineItems.nodes.filter((n) => {
    const pr = n?.source ?? n?.subject;
    return pr?.__typename === 'PullRequest' && pr.state === 'OPEN';
  }).length;
  return {
    ...identity(hit),
    ...rest,
    locked: hit.locked || e.locked,
    assignees: Math.max(hit.assignees, e.assignees.totalCount),
    stars: e.repository.stargazerCount,
    archived: e.repository.isArchived,
    openPullRequests: prs + (e.closedByPullRequestsReferences?.totalCount ?? 0),
    recentComments: e.comments.nodes
      .filter((c) => c !== null)
      .map((c) => ({
        authorAssociation: c.authorAssociation,
        createdAt: new Date(c.createdAt),
        body: c.body,
      })),
  };
}

/** A hit as a candidate on its own (no token): what the search says, nothing guessed. */
export function candidateFromHit(hit: SearchHit): Candidate {
  const { nodeId: _nodeId, repo: _repo, number: _number, ...rest } = hit;
  return {
    ...identity(hit),
    ...rest,
    stars: 0,
    archived: false,
    openPullRequests: 0,
    recentComments: [],
    enriched: false,
  };
}

function toHit(i: z.output<typeof searchItem>): SearchHit {
  const repo = i.repository_url.split('/').slice(-2).join('/');
  return {
    nodeId: i.node_id,
    repo,
    number: i.number,
    url: i.html_url,
    title: i.title,
    body: i.body ?? '',
    labels: i.labels
      .map((l) => (typeof l === 'string' ? l : (l.name ?? '')))
      .filter((l) => l.length > 0),
    comments: i.comments,
    createdAt: new Date(i.created_at),
    locked: i.locked,
    assignees: Math.max(i.assignees?.length ?? 0, i.assignee ? 1 : 0),
  };
}
