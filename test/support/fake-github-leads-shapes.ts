import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { openapiSearchPulls } from './github-fixtures.ts';

/**
 * A pull request as the leads fake keeps it, and the three shapes GitHub
 * gives it in: a search hit (GitHub's official `issue-search-result-item`
 * example, a pull request, with our values), the REST pull request (the real
 * `pull_request` object of @octokit/webhooks-examples) and the GraphQL node
 * PULL_DETAILS_QUERY asks for (the query is validated against GitHub's schema
 * in test/leads-graphql.test.ts; this answers exactly its fields).
 */
export interface FakePull {
  id: string;
  repo: string;
  number: number;
  title: string;
  author: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  isDraft: boolean;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  ci: 'SUCCESS' | 'FAILURE' | 'PENDING' | null;
  reviews: Array<{
    id: string;
    login: string;
    association: string;
    state: string;
    body: string;
    at: string;
  }>;
  comments: Array<{ id: string; login: string; association: string; body: string; at: string }>;
  /** Issues it closes, `owner/repo#12`. */
  closes: string[];
  /** GitHub no longer shows it to us (made private, deleted). */
  hidden?: boolean;
}

let next = 1;

export function fakePull(o: Partial<FakePull> & Pick<FakePull, 'repo' | 'author'>): FakePull {
  const n = next++;
  return {
    id: `PR_kwDOfake${String(n).padStart(4, '0')}`,
    number: n,
    title: `Fix ${o.repo} #${n}`,
    state: 'OPEN',
    isDraft: false,
    createdAt: '2026-11-02T10:00:00Z',
    updatedAt: '2026-11-02T10:00:00Z',
    mergedAt: null,
    closedAt: null,
    ci: 'SUCCESS',
    reviews: [],
    comments: [],
    closes: [],
    ...o,
  };
}

/** Bumps updated_at, as any change on GitHub does. */
export function touch(p: FakePull, at: string): void {
  p.updatedAt = at;
}

const searchTemplate = openapiSearchPulls().items![0]!;
const pullTemplate = (
  examples.find((e) => e.name === 'pull_request')!.examples[0] as unknown as {
    pull_request: Record<string, unknown>;
  }
).pull_request;

const html = (p: FakePull) => `https://github.com/${p.repo}/pull/${p.number}`;

export function searchItem(p: FakePull): Record<string, unknown> {
  return {
    ...structuredClone(searchTemplate),
    url: `https://api.github.com/repos/${p.repo}/issues/${p.number}`,
    repository_url: `https://api.github.com/repos/${p.repo}`,
    html_url: html(p),
    node_id: p.id,
    number: p.number,
    title: p.title,
    user: { ...(searchTemplate.user as object), login: p.author },
    state: p.state === 'OPEN' ? 'open' : 'closed',
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    closed_at: p.closedAt,
    pull_request: {
      url: `https://api.github.com/repos/${p.repo}/pulls/${p.number}`,
      html_url: html(p),
      merged_at: p.mergedAt,
    },
  };
}

export function restPull(p: FakePull): Record<string, unknown> {
  return {
    ...structuredClone(pullTemplate),
    node_id: p.id,
    number: p.number,
    html_url: html(p),
    title: p.title,
    user: { ...(pullTemplate.user as object), login: p.author },
    state: p.state === 'OPEN' ? 'open' : 'closed',
    merged: p.state === 'MERGED',
    merged_at: p.mergedAt,
    updated_at: p.updatedAt,
  };
}

const author = (login: string) => ({ login });

export function graphqlNode(p: FakePull): Record<string, unknown> {
  return {
    __typename: 'PullRequest',
    id: p.id,
    number: p.number,
    url: html(p),
    title: p.title,
    state: p.state,
    isDraft: p.isDraft,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    mergedAt: p.mergedAt,
    closedAt: p.closedAt,
    author: author(p.author),
    repository: { nameWithOwner: p.repo, isPrivate: false },
    commits: {
      nodes: [{ commit: { statusCheckRollup: p.ci ? { state: p.ci } : null } }],
    },
    reviews: {
      nodes: p.reviews.slice(-30).map((r) => ({
        id: r.id,
        state: r.state,
        body: r.body,
        submittedAt: r.at,
        url: `${html(p)}#pullrequestreview-${r.id}`,
        authorAssociation: r.association,
        author: author(r.login),
      })),
    },
    comments: {
      nodes: p.comments.slice(-30).map((c) => ({
        id: c.id,
        body: c.body,
        createdAt: c.at,
        url: `${html(p)}#issuecomment-${c.id}`,
        authorAssociation: c.association,
        author: author(c.login),
      })),
    },
    closingIssuesReferences: {
      nodes: p.closes.map((ref) => {
        const [repo, n] = ref.split('#');
        return { number: Number(n), repository: { nameWithOwner: repo } };
      }),
    },
  };
}
