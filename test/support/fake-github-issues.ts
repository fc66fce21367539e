import { createServer, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback.ts';

export interface GitHubCall {
  method: string;
  path: string;
  query: URLSearchParams;
}

/**
 * A fake GitHub REST API on loopback for proposal drafting: issues, their
 * comments and issue search. Set GITHUB_API_URL to `url`. Unknown issues
 * answer 404 as GitHub does; every request is recorded.
 */
export class FakeGitHubIssues {
  readonly calls: GitHubCall[] = [];
  /** Keyed by `owner/repo#number`. */
  readonly issues = new Map<string, unknown>();
  readonly comments = new Map<string, unknown[]>();
  /** Answers GET /search/issues for a query; default: no results. */
  search: (q: string) => unknown[] = () => [];
  #server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      this.calls.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const issue = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)(\/comments)?$/.exec(url.pathname);
      if (issue) {
        const key = `${issue[1]}/${issue[2]}#${issue[3]}`;
        if (!this.issues.has(key))
          return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com' });
        return send(200, issue[4] ? (this.comments.get(key) ?? []) : this.issues.get(key));
      }
      if (url.pathname === '/search/issues') {
        const items = this.search(url.searchParams.get('q') ?? '');
        return send(200, { total_count: items.length, incomplete_results: false, items });
      }
      send(404, { message: 'Not Found' });
    });
    this.url = await listenOnLoopback(this.#server);
    return this;
  }

  callsTo(pathPrefix: string): GitHubCall[] {
    return this.calls.filter((c) => c.path.startsWith(pathPrefix));
  }

  async stop(): Promise<void> {
    await closeServer(this.#server);
  }
}
