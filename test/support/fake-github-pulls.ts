import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { closeServer, listenOnLoopback } from './loopback.ts';

/**
 * A fake GitHub REST API on loopback for delivery sync: the pulls list (sorted
 * by updated, paged, with ETags and 304 for If-None-Match), one pull request,
 * its reviews and a commit's check runs. Pull requests are built from the real
 * `pull_request` object of @octokit/webhooks-examples, so they have GitHub's
 * full shape.
 */
type Json = Record<string, unknown>;

const template = (
  examples.find((e) => e.name === 'pull_request')!.examples[0] as unknown as { pull_request: Json }
).pull_request;

export interface PullOverrides {
  number: number;
  state?: 'open' | 'closed';
  draft?: boolean;
  mergedAt?: string | null;
  body?: string;
  title?: string;
  updatedAt?: string;
  headSha?: string;
  requestedReviewers?: string[];
}

export interface GitHubRequest {
  method: string;
  path: string;
  status: number;
}

export class FakeGitHubPulls {
  readonly pulls = new Map<string, Json[]>();
  readonly reviews = new Map<string, Array<{ state: string; user: { login: string } }>>();
  readonly checkRuns = new Map<string, Array<{ status: string; conclusion: string | null }>>();
  readonly requests: GitHubRequest[] = [];
  #server: Server | undefined;
  url = '';

  /** Adds or replaces a pull request of `repo` (owner/name). */
  setPull(repo: string, o: PullOverrides): Json {
    const pr = structuredClone(template);
    const url = `https://github.com/${repo}/pull/${o.number}`;
    const sha = o.headSha ?? createHash('sha1').update(`${repo}#${o.number}`).digest('hex');
    Object.assign(pr, {
      number: o.number,
      html_url: url,
      url: `https://api.github.com/repos/${repo}/pulls/${o.number}`,
      title: o.title ?? `Change ${o.number}`,
      body: o.body ?? '',
      state: o.state ?? 'open',
      draft: o.draft ?? false,
      merged_at: o.mergedAt ?? null,
      merged: Boolean(o.mergedAt),
      updated_at: o.updatedAt ?? '2026-11-20T10:00:00Z',
      requested_reviewers: (o.requestedReviewers ?? []).map((login) => ({ login, type: 'User' })),
    });
    pr.head = { ...(pr.head as Json), sha };
    pr.base = {
      ...(pr.base as Json),
      repo: { ...((pr.base as Json).repo as Json), full_name: repo },
    };
    const list = (this.pulls.get(repo) ?? []).filter((p) => p.number !== o.number);
    list.push(pr);
    this.pulls.set(repo, list);
    return pr;
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const [status, body, headers] = this.#route(url, req.headers['if-none-match']);
      this.requests.push({ method: req.method ?? 'GET', path: url.pathname, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(status === 304 ? undefined : JSON.stringify(body));
    });
    this.url = await listenOnLoopback(this.#server);
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.#server);
  }

  #route(url: URL, ifNoneMatch: string | string[] | undefined): [number, unknown, Json] {
    const p = url.pathname;
    let m = /^\/repos\/([^/]+\/[^/]+)\/pulls$/.exec(p);
    if (m) {
      const all = [...(this.pulls.get(m[1]!) ?? [])].sort((a, b) =>
        String(b.updated_at).localeCompare(String(a.updated_at)),
      );
      const per = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const body = all.slice((page - 1) * per, page * per);
      const etag = `"${createHash('sha1').update(JSON.stringify(body)).digest('hex')}"`;
      if (ifNoneMatch === etag) return [304, undefined, { etag }];
      return [200, body, { etag }];
    }
    m = /^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)(\/reviews)?$/.exec(p);
    if (m) {
      const pr = this.pulls.get(m[1]!)?.find((x) => x.number === Number(m![2]));
      if (!pr) return [404, { message: 'Not Found' }, {}];
      if (m[3]) return [200, this.reviews.get(`${m[1]}#${m[2]}`) ?? [], {}];
      return [200, pr, {}];
    }
    m = /^\/repos\/[^/]+\/[^/]+\/commits\/([^/]+)\/check-runs$/.exec(p);
    if (m) {
      const runs = this.checkRuns.get(m[1]!) ?? [];
      return [200, { total_count: runs.length, check_runs: runs }, {}];
    }
    return [404, { message: 'Not Found' }, {}];
  }
}
