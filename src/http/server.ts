import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Lifecycle } from '../lifecycle.ts';
import type { Logger } from '../log.ts';
import type { AckGate } from './ack-gate.ts';
import type { StoreProbe } from './store-probe.ts';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * Routes keyed by `METHOD /path`, e.g. `POST /github/webhook`; a key ending in
 * `/*` (`GET /r/*`, report links) takes every path under it no exact key has.
 */
export type Routes = Record<string, Handler>;

const prefixRoute = (routes: Routes, key: string): Handler | undefined =>
  Object.entries(routes).find(([k]) => k.endsWith('/*') && key.startsWith(k.slice(0, -1)))?.[1];

export interface HttpServerOptions {
  routes: Routes;
  lifecycle: Lifecycle;
  logger: Logger;
  /** Larger declared bodies get 413 before any handler runs. */
  maxBodyBytes?: number;
  /** Counts every request until its answer is sent (see AckGate). */
  gate?: AckGate;
  /** Once ready, /healthz is 503 `store_unavailable` while the store does not answer. */
  storeProbe?: StoreProbe;
}

export const MAX_BODY_BYTES = 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(text);
}

/**
 * One HTTP server in both Slack modes: /healthz, /metrics, /github/webhook and,
 * in HTTP mode, /slack/events (handed to Bolt's receiver, which verifies it).
 * Routes are looked up on each request, so the server can listen (and /healthz
 * answer 503) while the rest starts, and routes join once their parts exist.
 * While starting, a route not there yet answers 503 `starting`; while
 * stopping, everything but /healthz and /metrics answers 503 `shutting_down`.
 */
export function createHttpServer({
  routes,
  lifecycle,
  logger,
  maxBodyBytes = MAX_BODY_BYTES,
  gate,
  storeProbe,
}: HttpServerOptions): Server {
  const healthz: Handler = async (_req, res) => {
    if (lifecycle.phase !== 'ready') return sendJson(res, 503, { status: lifecycle.phase });
    const storeOk = storeProbe ? await storeProbe.healthy() : true;
    sendJson(res, storeOk ? 200 : 503, { status: storeOk ? 'ready' : 'store_unavailable' });
  };
  const server = createServer((req, res) => {
    if (gate) {
      const answered = gate.begin();
      res.once('finish', answered);
      res.once('close', answered);
    }
    const path = (req.url ?? '/').split('?')[0];
    const key = `${req.method} ${path}`;
    if (key === 'GET /healthz') return healthz(req, res);
    const route = routes[key] ?? prefixRoute(routes, key);
    if (lifecycle.phase === 'stopping' || lifecycle.phase === 'stopped') {
      if (key !== 'GET /metrics' || !route) {
        res.setHeader('connection', 'close');
        return sendJson(res, 503, { error: 'shutting_down' });
      }
    }
    if (!route) {
      if (lifecycle.phase === 'starting') return sendJson(res, 503, { error: 'starting' });
      const known = path === '/healthz' || Object.keys(routes).some((k) => k.endsWith(` ${path}`));
      sendJson(res, known ? 405 : 404, { error: known ? 'method_not_allowed' : 'not_found' });
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) {
      res.setHeader('connection', 'close');
      sendJson(res, 413, { error: 'payload_too_large', limit: maxBodyBytes });
      req.resume();
      return;
    }
    const work = Promise.resolve()
      .then(() => route(req, res))
      .catch((error: unknown) => {
        logger.error({ err: error, path }, 'request handler failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
        else res.end();
      });
    lifecycle.track(work);
  });
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 30_000;
  return server;
}
