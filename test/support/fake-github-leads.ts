import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type FakePull, graphqlNode, restPull, searchItem } from './fake-github-leads-shapes.ts';
import { closeServer, listenOnLoopback } from './loopback.ts';

export type { FakePull } from './fake-github-leads-shapes.ts';
export { fakePull } from './fake-github-leads-shapes.ts';

export interface LeadsGitHubRequest {
  method: string;
  path: string;
  status: number;
  /** GitHub counts it against the rate limit: everything but an authorised 304. */
  counted: boolean;
  /** `LeadDetails`, `Contributing`, … for GraphQL. */
  operation?: string;
  ids?: string[];
}

export interface LeadsFault {
  /** Only for this path or GraphQL operation (`/search/issues`, `LeadDetails`); default: any. */
  on?: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * A fake GitHub for leads on loopback (GITHUB_API_URL): the author search
 * (ETag, 304; 422 for a login it does not know), the details and CONTRIBUTING
 * GraphQL queries (null and a NOT_FOUND error for a pull request it no longer
 * shows, as GitHub answers), one pull request by REST and a file's raw
 * contents (both with ETags). Every request is recorded with whether GitHub
 * would count it against the rate limit, so tests and the bench count cost.
 */
export class FakeGitHubLeads {
  readonly requests: LeadsGitHubRequest[] = [];
  readonly pulls = new Map<string, FakePull>();
  /** Logins the search knows (others answer 422). */
  logins = new Set<string>();
  /** `owner/repo` → path → text. */
  readonly files = new Map<string, Record<string, string>>();
  /** Used up one per request, before anything else answers. */
  readonly faults: LeadsFault[] = [];
  #server: Server | undefined;
  url = '';

  add(pull: FakePull): FakePull {
    this.pulls.set(pull.id, pull);
    return pull;
  }

  /** Rate-limited requests since `from` (an index into `requests`). */
  counted(from = 0): number {
    return this.requests.slice(from).filter((r) => r.counted).length;
  }

  graphql(operation: string, from = 0): LeadsGitHubRequest[] {
    return this.requests.slice(from).filter((r) => r.operation === operation);
  }

  async start(): Promise<this> {
    this.#server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://x');
      const record: LeadsGitHubRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        status: 0,
        counted: true,
      };
      this.requests.push(record);
      const [status, data, headers] = this.#answer(req, url, body, record);
      record.status = status;
      record.counted = status !== 304 && record.path !== '/rate_limit';
      const raw = typeof data === 'string';
      res.writeHead(status, {
        'content-type': raw ? 'text/plain; charset=utf-8' : 'application/json',
        ...headers,
      });
      res.end(status === 304 ? undefined : raw ? data : JSON.stringify(data));
    });
    this.url = await listenOnLoopback(this.#server);
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.#server);
  }

  #answer(
    req: IncomingMessage,
    url: URL,
    body: string,
    record: LeadsGitHubRequest,
  ): [number, unknown, Record<string, string>] {
    if (record.path === '/graphql')
      record.operation = /query\s+(\w+)/.exec(body)?.[1] ?? 'anonymous';
    const at = this.faults.findIndex(
      (f) => !f.on || f.on === record.path || f.on === record.operation,
    );
    const fault = at >= 0 ? this.faults.splice(at, 1)[0] : undefined;
    if (fault) return [fault.status, fault.body ?? { message: 'fault' }, fault.headers ?? {}];
    const conditional = (data: unknown): [number, unknown, Record<string, string>] => {
      const etag = `"${createHash('sha1').update(JSON.stringify(data)).digest('hex')}"`;
      return req.headers['if-none-match'] === etag
        ? [304, undefined, { etag }]
        : [200, data, { etag }];
    };
    const path = record.path;
    if (path === '/search/issues') {
      const q = url.searchParams.get('q') ?? '';
      const login = /author:(\S+)/.exec(q)?.[1] ?? '';
      const per = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      if (!this.logins.has(login.toLowerCase()))
        return [
          422,
          {
            message: 'Validation Failed',
            errors: [{ message: 'The listed users cannot be searched' }],
          },
          {},
        ];
      const items = [...this.pulls.values()]
        .filter((p) => !p.hidden && p.author.toLowerCase() === login.toLowerCase())
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .slice((page - 1) * per, page * per)
        .map(searchItem);
      return conditional({ total_count: items.length, incomplete_results: false, items });
    }
    if (path === '/graphql') {
      if (!req.headers.authorization)
        return [401, { message: 'This endpoint requires you to be authenticated.' }, {}];
      const { query, variables } = JSON.parse(body) as {
        query: string;
        variables: Record<string, unknown>;
      };
      if (record.operation === 'Contributing') {
        const files = this.files.get(`${variables.owner}/${variables.name}`) ?? {};
        const aliases = [...query.matchAll(/(f\d+): object\(expression: "HEAD:([^"]+)"\)/g)];
        const repository = Object.fromEntries(
          aliases.map(([, alias, p]) => [
            alias,
            p! in files ? { text: files[p!], isTruncated: false } : null,
          ]),
        );
        return [200, { data: { repository } }, {}];
      }
      const ids = variables.ids as string[];
      record.ids = ids;
      const nodes = ids.map((id) => {
        const p = this.pulls.get(id);
        return p && !p.hidden ? graphqlNode(p) : null;
      });
      const errors = ids.flatMap((id, n) =>
        nodes[n]
          ? []
          : [
              {
                type: 'NOT_FOUND',
                path: ['nodes', n],
                message: `Could not resolve to a node with the global id of '${id}'`,
              },
            ],
      );
      return [200, { data: { nodes }, ...(errors.length ? { errors } : {}) }, {}];
    }
    // The bot's start-up token check (GitHub does not count it).
    if (path === '/rate_limit') {
      record.counted = false;
      return [200, { resources: {}, rate: { limit: 5000, remaining: 4999, reset: 0 } }, {}];
    }
    let m = /^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)$/.exec(path);
    if (m) {
      const p = [...this.pulls.values()].find(
        (x) => x.repo === m![1] && x.number === Number(m![2]),
      );
      return p && !p.hidden ? conditional(restPull(p)) : [404, { message: 'Not Found' }, {}];
    }
    m = /^\/repos\/([^/]+\/[^/]+)\/contents\/(.+)$/.exec(path);
    if (m) {
      const text = this.files.get(m[1]!)?.[m[2]!];
      return text === undefined ? [404, { message: 'Not Found' }, {}] : conditional(text);
    }
    return [404, { message: 'Not Found' }, {}];
  }
}
