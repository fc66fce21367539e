import { createServer, type IncomingMessage, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback.ts';

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

type Route = (req: IncomingMessage, body: string) => FakeReply;

/** A tiny routed JSON server on loopback, for upstreams a test needs only a few answers from. */
export class FakeHttp {
  readonly routes = new Map<string, Route>();
  readonly requests: Array<{ method: string; path: string; body: string }> = [];
  #server: Server | undefined;
  url = '';

  route(key: string, reply: Route | FakeReply): this {
    this.routes.set(key, typeof reply === 'function' ? reply : () => reply);
    return this;
  }

  async start(): Promise<this> {
    this.#server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      this.requests.push({ method: req.method ?? 'GET', path, body });
      const route =
        this.routes.get(`${req.method} ${path}`) ??
        [...this.routes].find(([k]) =>
          new RegExp(`^${k.replace(/:\w+/g, '[^/]+')}$`).test(`${req.method} ${path}`),
        )?.[1];
      const reply = route?.(req, body) ?? { status: 404, body: { message: 'Not Found' } };
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
    this.url = await listenOnLoopback(this.#server);
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.#server);
  }
}
