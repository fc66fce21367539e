import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { openapiComment } from './github-fixtures.ts';
import { closeServer, listenOnLoopback } from './loopback.ts';

export interface GitHubCall {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The request body, when there is one (a comment's JSON). */
  body?: string;
}

/**
 * How the fake answers `POST …/issues/{n}/comments`: `ok` keeps the comment
 * and answers 201 with it; a status refuses it (nothing kept); `landed`
 * keeps it but answers that status anyway (GitHub stored it, the answer
 * said otherwise); `hang` keeps it and never answers.
 */
export type CommentAnswer =
  | 'ok'
  | 'hang'
  | { status: number; message?: string }
  | { landed: number };

/**
 * A fake GitHub REST API on loopback for proposal drafting: issues, their
 * comments (listed with `since` and pages, and created: Comment on GitHub)
 * and issue search. Set GITHUB_API_URL to `url`. Unknown issues answer 404
 * as GitHub does; every request is recorded. Created comments have the shape
 * of GitHub's official `issue-comment` example.
 */
export class FakeGitHubIssues {
  readonly calls: GitHubCall[] = [];
  /** Keyed by `owner/repo#number`. */
  readonly issues = new Map<string, unknown>();
  readonly comments = new Map<string, unknown[]>();
  /** Answers GET /search/issues for a query; default: no results. */
  search: (q: string) => unknown[] = () => [];
  /** Each repository's root CONTRIBUTING.md (`owner/repo` → text), for the Contributing query. */
  readonly contributing = new Map<string, string>();
  /** How the next comment POSTs are answered; default: accepted. */
  commentAnswer: (key: string) => CommentAnswer = () => 'ok';
  #nextCommentId = 1000;
  readonly #hung = new Set<() => void>();
  #server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.#server = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = req.method === 'POST' ? await readBody(req) : undefined;
      this.calls.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        ...(body === undefined ? {} : { body }),
      });
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      const issue = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)(\/comments)?$/.exec(url.pathname);
      if (issue) {
        const key = `${issue[1]}/${issue[2]}#${issue[3]}`;
        if (!this.issues.has(key))
          return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com' });
        if (issue[4] && req.method === 'POST') return this.#comment(key, body ?? '', send, res);
        if (issue[4]) return this.#listComments(key, url, send);
        return send(200, this.issues.get(key));
      }
      if (url.pathname === '/search/issues') {
        const items = this.search(url.searchParams.get('q') ?? '');
        return send(200, { total_count: items.length, incomplete_results: false, items });
      }
      if (url.pathname === '/graphql' && (body ?? '').includes('query Contributing')) {
        // The root file is the query's first place (f0); the others are null here.
        const { variables } = JSON.parse(body ?? '{}') as {
          variables: { owner: string; name: string };
        };
        const text = this.contributing.get(`${variables.owner}/${variables.name}`);
        return send(200, { data: { repository: { f0: text === undefined ? null : { text } } } });
      }
      send(404, { message: 'Not Found' });
    });
    this.url = await listenOnLoopback(this.#server);
    return this;
  }

  /** POST …/comments: kept and answered as `commentAnswer` says. */
  #comment(
    key: string,
    raw: string,
    send: (status: number, payload: unknown) => void,
    res: ServerResponse,
  ) {
    const answer = this.commentAnswer(key);
    if (typeof answer === 'object' && 'status' in answer)
      return send(answer.status, {
        message: answer.message ?? 'Resource not accessible by personal access token',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: String(answer.status),
      });
    const [owner, repo, number] = key.split(/[/#]/);
    const id = this.#nextCommentId++;
    const now = new Date().toISOString();
    const comment = {
      ...openapiComment(),
      id,
      body: (JSON.parse(raw) as { body: string }).body,
      html_url: `https://github.com/${owner}/${repo}/issues/${number}#issuecomment-${id}`,
      url: `https://api.github.com/repos/${owner}/${repo}/issues/comments/${id}`,
      issue_url: `https://api.github.com/repos/${owner}/${repo}/issues/${number}`,
      created_at: now,
      updated_at: now,
    };
    this.comments.set(key, [...(this.comments.get(key) ?? []), comment]);
    if (answer === 'hang') {
      this.#hung.add(() => res.destroy());
      return;
    }
    if (typeof answer === 'object') return send(answer.landed, { message: 'Server Error' });
    send(201, comment);
  }

  /** GET …/comments with `since`, `per_page` and `page`, a Link header to the next page. */
  #listComments(
    key: string,
    url: URL,
    send: (status: number, payload: unknown, headers?: Record<string, string>) => void,
  ) {
    const since = url.searchParams.get('since');
    const all = ((this.comments.get(key) ?? []) as Array<{ updated_at?: string }>).filter(
      (c) => !since || !c.updated_at || c.updated_at >= since,
    );
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const items = all.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < all.length) {
      const next = new URL(url.href.replace('http://localhost', this.url));
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
    send(200, items, headers);
  }

  callsTo(pathPrefix: string): GitHubCall[] {
    return this.calls.filter((c) => c.path.startsWith(pathPrefix));
  }

  async stop(): Promise<void> {
    for (const drop of this.#hung) drop();
    await closeServer(this.#server);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
