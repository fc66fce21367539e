import { z } from 'zod';
import type { GitHubClient } from '../../clients/github.ts';
import { toGigopsError } from '../../clients/github-errors.ts';
import type { CiState, LeadEvent } from '../../domain/lead.ts';
import { PULL_DETAILS_QUERY } from './queries.ts';

/** A pull request as PULL_DETAILS_QUERY tells it, parsed at the edge. */
export interface PullDetails {
  id: string;
  number: number;
  url: string;
  title: string;
  state: 'open' | 'closed' | 'merged';
  draft: boolean;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | undefined;
  closedAt: string | undefined;
  author: string;
  repo: string;
  ci: CiState;
  /** Comments and reviews (pending reviews left out), oldest first. */
  events: LeadEvent[];
  /** The issues it closes, as opportunity ids (`github:owner/repo#12`). */
  closes: string[];
}

const login = z.object({ login: z.string() }).nullish();
const nodesOf = <T extends z.ZodType>(item: T) =>
  z.object({ nodes: z.array(item.nullable()).nullish() }).nullish();

const pullNode = z.object({
  __typename: z.literal('PullRequest'),
  id: z.string(),
  number: z.number().int(),
  url: z.string(),
  title: z.string(),
  state: z.enum(['OPEN', 'CLOSED', 'MERGED']),
  isDraft: z.boolean().default(false),
  createdAt: z.string(),
  updatedAt: z.string(),
  mergedAt: z.string().nullish(),
  closedAt: z.string().nullish(),
  author: login,
  repository: z.object({ nameWithOwner: z.string() }),
  commits: nodesOf(
    z.object({
      commit: z.object({ statusCheckRollup: z.object({ state: z.string() }).nullish() }),
    }),
  ),
  reviews: nodesOf(
    z.object({
      id: z.string(),
      state: z.string(),
      body: z.string().default(''),
      submittedAt: z.string().nullish(),
      url: z.string(),
      authorAssociation: z.string(),
      author: login,
    }),
  ),
  comments: nodesOf(
    z.object({
      id: z.string(),
      body: z.string().default(''),
      createdAt: z.string(),
      url: z.string(),
      authorAssociation: z.string(),
      author: login,
    }),
  ),
  closingIssuesReferences: nodesOf(
    z.object({ number: z.number(), repository: z.object({ nameWithOwner: z.string() }) }),
  ),
});

const CI: Record<string, CiState> = {
  SUCCESS: 'success',
  FAILURE: 'failure',
  ERROR: 'failure',
  PENDING: 'pending',
  EXPECTED: 'pending',
};

/** One GraphQL node → the pull request, or null when GitHub gave none (private, deleted). */
export function parsePullNode(node: unknown): PullDetails | null {
  const parsed = pullNode.safeParse(node);
  if (!parsed.success) return null;
  const n = parsed.data;
  const present = <T>(xs: Array<T | null> | null | undefined) =>
    (xs ?? []).filter((x): x is T => x !== null);
  const reviews = present(n.reviews?.nodes)
    .filter((r) => r.state !== 'PENDING' && r.submittedAt)
    .map(
      (r): LeadEvent => ({
        id: r.id,
        kind: 'review',
        login: r.author?.login,
        association: r.authorAssociation,
        reviewState: r.state,
        body: r.body,
        at: r.submittedAt!,
        url: r.url,
      }),
    );
  const comments = present(n.comments?.nodes).map(
    (c): LeadEvent => ({
      id: c.id,
      kind: 'comment',
      login: c.author?.login,
      association: c.authorAssociation,
      body: c.body,
      at: c.createdAt,
      url: c.url,
    }),
  );
  const rollup = present(n.commits?.nodes)[0]?.commit.statusCheckRollup?.state;
  return {
    id: n.id,
    number: n.number,
    url: n.url,
    title: n.title,
    state: n.state === 'MERGED' ? 'merged' : n.state === 'CLOSED' ? 'closed' : 'open',
    draft: n.isDraft,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    mergedAt: n.mergedAt ?? undefined,
    closedAt: n.closedAt ?? undefined,
    author: n.author?.login ?? 'ghost',
    repo: n.repository.nameWithOwner,
    ci: rollup ? (CI[rollup] ?? 'none') : 'none',
    events: [...reviews, ...comments].sort((a, b) => a.at.localeCompare(b.at)),
    closes: present(n.closingIssuesReferences?.nodes).map(
      (i) => `github:${i.repository.nameWithOwner}#${i.number}`,
    ),
  };
}

/** At most 50 ids a query: 5 changed pull requests cost one request, 120 three. */
export const DETAILS_BATCH = 50;

/**
 * The details of each id, a query per 50; an id GitHub does not show (made
 * private, deleted) maps to null. A failure (rate limit, down) throws a
 * GigopsError: the caller keeps what the earlier batches gave.
 */
export async function fetchPullDetails(
  github: GitHubClient,
  ids: readonly string[],
  now: Date,
  onBatch: (details: Map<string, PullDetails | null>) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < ids.length; i += DETAILS_BATCH) {
    const batch = ids.slice(i, i + DETAILS_BATCH);
    let nodes: unknown[];
    try {
      const res = await github.graphql<{ nodes: unknown[] }>(PULL_DETAILS_QUERY, { ids: batch });
      nodes = res.nodes;
    } catch (error) {
      // GitHub answers NOT_FOUND for ids it no longer shows, with the others' data beside it.
      const data = (error as { data?: { nodes?: unknown[] } }).data;
      if (!Array.isArray(data?.nodes)) throw toGigopsError(error, now);
      nodes = data.nodes;
    }
    await onBatch(new Map(batch.map((id, n) => [id, parsePullNode(nodes[n])])));
  }
}
