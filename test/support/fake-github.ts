import { createServer, type IncomingMessage, type Server } from 'node:http';
import recorded from '@octokit/fixtures/scenarios/api.github.com/search-issues/normalized-fixture.json' with {
  type: 'json',
};
import { closeServer, listenOnLoopback } from './loopback.ts';

/**
 * A fake GitHub on loopback (set GITHUB_API_URL to `url`): GET /search/issues
 * (with ETag / If-None-Match → 304), POST /graphql (the enrichment query,
 * answered from `nodes`) and GET /rate_limit. Every request is recorded, so
 * tests and the bench count what a /gigs really costs.
 */
export interface FakeIssue {
  repo: string;
  number: number;
  title: string;
  body?: string;
  labels?: string[];
  comments?: number;
  createdAt?: string;
  locked?: boolean;
  assignees?: number;
  stars?: number;
  archived?: boolean;
  openPullRequests?: number;
  /** Recent comments, oldest first. */
  recentComments?: Array<{ authorAssociation: string; createdAt: string; body?: string }>;
}

export interface Fault {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const template = (recorded as Array<{ response: { items: Array<Record<string, unknown>> } }>)[0]!
  .response.items[0]!;

export class FakeGitHub {
  readonly requests: Array<{
    method: string;
    path: string;
    /** Path and query string, as sent. */
    url: string;
    headers: IncomingMessage['headers'];
    body: string;
  }> = [];
  issues: FakeIssue[] = [];
  /** Which issues a search query returns; default: those matching `repo:` and plain words. */
  search: (q: string) => FakeIssue[] = (q) => defaultSearch(this.issues, q);
  /** When set, every request answers with it. */
  fault: Fault | undefined;
  /** Holds search answers until released: to prove concurrent searches share one flight. */
  gate: Promise<void> | undefined;
  #server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.#server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://x');
      this.requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        url: req.url ?? '/',
        headers: req.headers,
        body,
      });
      const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(status === 304 ? undefined : JSON.stringify(data));
      };
      if (this.fault) {
        send(this.fault.status, this.fault.body ?? { message: 'fault' }, this.fault.headers);
        return;
      }
      if (url.pathname === '/search/issues') {
        if (this.gate) await this.gate;
        const q = url.searchParams.get('q') ?? '';
        const items = this.search(q).map(toSearchItem);
        const etag = `"${hash(JSON.stringify(items))}"`;
        if (req.headers['if-none-match'] === etag) {
          send(304, undefined, { etag });
          return;
        }
        send(200, { total_count: items.length, incomplete_results: false, items }, { etag });
        return;
      }
      if (url.pathname === '/graphql') {
        // GitHub serves GraphQL to authenticated callers only.
        if (!req.headers.authorization) {
          send(401, { message: 'This endpoint requires you to be authenticated.' });
          return;
        }
        const { variables } = JSON.parse(body) as { variables: { ids: string[] } };
        const nodes = variables.ids.map((id) => {
          const issue = this.issues.find((i) => nodeId(i) === id);
          return issue ? toGraphqlNode(issue) : null;
        });
        send(200, { data: { nodes } });
        return;
      }
      if (url.pathname === '/rate_limit') {
        send(200, { resources: {}, rate: { limit: 5000, remaining: 4999, reset: 0 } });
        return;
      }
      send(404, { message: 'Not Found' });
    });
    this.url = await listenOnLoopback(this.#server);
    return this;
  }

  count(path?: string): number {
    return path ? this.requests.filter((r) => r.path === path).length : this.requests.length;
  }

  async stop(): Promise<void> {
    await closeServer(this.#server);
  }
}

export const nodeId = (i: FakeIssue) =>
  Buffer.from(`Issue:${i.repo}#${i.number}`).toString('base64');

/** A search item shaped exactly like the recorded @octokit/fixtures one, with our values. */
export function toSearchItem(i: FakeIssue): Record<string, unknown> {
  const api = `https://api.github.com/repos/${i.repo}`;
  return {
    ...template,
    url: `${api}/issues/${i.number}`,
    repository_url: api,
    html_url: `https://github.com/${i.repo}/issues/${i.number}`,
    node_id: nodeId(i),
    number: i.number,
    title: i.title,
    body: i.body ?? '',
    labels: (i.labels ?? []).map((name, n) => ({
      id: n + 1,
      name,
      color: 'ededed',
      default: false,
    })),
    comments: i.comments ?? 0,
    created_at: i.createdAt ?? '2026-10-01T00:00:00Z',
    updated_at: i.createdAt ?? '2026-10-01T00:00:00Z',
    locked: i.locked ?? false,
    assignees: Array.from({ length: i.assignees ?? 0 }, () => ({ login: 'someone' })),
    assignee: (i.assignees ?? 0) > 0 ? { login: 'someone' } : null,
  };
}

/** The answer GitHub's GraphQL gives to ENRICH_QUERY for one issue. */
export function toGraphqlNode(i: FakeIssue): Record<string, unknown> {
  const prs = i.openPullRequests ?? 0;
  return {
    id: nodeId(i),
    number: i.number,
    locked: i.locked ?? false,
    repository: {
      nameWithOwner: i.repo,
      stargazerCount: i.stars ?? 0,
      isArchived: i.archived ?? false,
    },
    assignees: { totalCount: i.assignees ?? 0 },
    comments: {
      totalCount: i.comments ?? 0,
      nodes: (i.recentComments ?? []).map((c) => ({ body: '', ...c })),
    },
    closedByPullRequestsReferences: { totalCount: 0 },
    timelineItems: {
      nodes: Array.from({ length: prs }, () => ({
        __typename: 'CrossReferencedEvent',
        source: { __typename: 'PullRequest', state: 'OPEN' },
      })),
    },
  };
}

function defaultSearch(issues: FakeIssue[], q: string): FakeIssue[] {
  const repo = /\brepo:(\S+)/.exec(q)?.[1];
  const labels = [...q.matchAll(/\blabel:"([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
  // Plain words after the configured query's qualifiers: search text.
  const words = q
    .replace(/\b[\w-]+:("[^"]*"|\S+)/g, '')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  return issues.filter(
    (i) =>
      (!repo || i.repo === repo) &&
      labels.every(
        (l) => l === 'help wanted' || (i.labels ?? []).some((x) => x.toLowerCase() === l),
      ) &&
      words.every((w) => `${i.title} ${i.body ?? ''}`.toLowerCase().includes(w.toLowerCase())),
  );
}

function hash(s: string): string {
  let h = 0;
  for (let n = 0; n < s.length; n++) h = (h * 31 + s.charCodeAt(n)) | 0;
  return (h >>> 0).toString(16);
}
