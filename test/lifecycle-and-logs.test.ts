import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createHttpServer, type Routes } from '../src/http/server.ts';
import { Lifecycle } from '../src/lifecycle.ts';
import { createLogger } from '../src/log.ts';
import { startGigops } from '../src/main.ts';
import { boltLogger } from '../src/slack/bolt-logger.ts';
import { startTestBot } from './support/bot.ts';
import { testEnv } from './support/env.ts';
import { closeServer, freePort, listenOnLoopback } from './support/loopback.ts';

describe('createLogger', () => {
  it('scrubs secret values wherever they appear, and redacts token fields', () => {
    let out = '';
    const destination = new Writable({
      write(chunk, _enc, cb) {
        out += chunk.toString();
        cb();
      },
    });
    const logger = createLogger({ secrets: ['xoxb-super-secret'], destination });
    logger.error({ err: new Error('auth failed for xoxb-super-secret') }, 'boom xoxb-super-secret');
    logger.info({ headers: { authorization: 'Bearer abc' }, token: 'plain' }, 'request');
    expect(out).not.toContain('xoxb-super-secret');
    expect(out).not.toContain('Bearer abc');
    expect(out).not.toContain('"plain"');
    expect(out).toContain('[redacted]');
  });
});

describe('boltLogger', () => {
  // Bolt logs at debug several times per request; below that level nothing is built.
  it('builds a debug line only when debug is written', () => {
    let out = '';
    const destination = new Writable({
      write(chunk, _enc, cb) {
        out += chunk.toString();
        cb();
      },
    });
    let built = 0;
    const payload = {
      toJSON: () => {
        built += 1;
        return { big: 'payload' };
      },
    };
    boltLogger(createLogger({ level: 'info', destination })).debug('body', payload);
    expect(built).toBe(0);
    expect(out).toBe('');
    boltLogger(createLogger({ level: 'debug', destination })).debug('body', payload);
    expect(built).toBe(1);
    expect(out).toContain('body {\\"big\\":\\"payload\\"}');
  });
});

describe('Lifecycle', () => {
  it('drains tracked work, including work that fails', async () => {
    const lifecycle = new Lifecycle();
    let finish!: () => void;
    const slow = lifecycle.track(new Promise<void>((r) => (finish = r)));
    lifecycle.track(Promise.reject(new Error('x'))).catch(() => {});
    expect(lifecycle.inFlight).toBe(2);
    const drained = lifecycle.drain(5_000);
    finish();
    await slow;
    expect(await drained).toBe(true);
    expect(lifecycle.inFlight).toBe(0);
  });
});

describe('shutdown', () => {
  it('marks itself stopping and finishes in-flight work before the store closes', async () => {
    const t = await startTestBot();
    const { lifecycle, store } = t.bot.deps;
    let release!: () => void;
    let storeOpenAtEnd: boolean | undefined;
    lifecycle.track(
      new Promise<void>((r) => (release = r)).then(async () => {
        storeOpenAtEnd = await store.ready();
      }),
    );
    const stopped = t.bot.stop();
    expect(lifecycle.phase).toBe('stopping');
    release();
    await stopped;
    expect(storeOpenAtEnd).toBe(true);
    expect(await store.ready()).toBe(false);
    expect(lifecycle.phase).toBe('stopped');
    await t.slack.stop();
  });
});

describe('GET /healthz', () => {
  it('is 503 while starting or stopping and 200 only when ready', async () => {
    const lifecycle = new Lifecycle();
    const server = createHttpServer({
      routes: {},
      lifecycle,
      logger: createLogger({ level: 'silent' }),
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    const statuses: number[] = [];
    for (const phase of ['starting', 'ready', 'stopping'] as const) {
      lifecycle.phase = phase;
      statuses.push((await fetch(url)).status);
    }
    expect(statuses).toEqual([503, 200, 503]);
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('answers other routes 503 while starting (when not there yet) and while stopping, /metrics aside', async () => {
    const lifecycle = new Lifecycle();
    const routes: Routes = {
      'GET /metrics': (_req, res) => {
        res.end('metrics');
      },
    };
    const server = createHttpServer({
      routes,
      lifecycle,
      logger: createLogger({ level: 'silent' }),
    });
    const base = await listenOnLoopback(server);
    const post = () => fetch(`${base}/slack/events`, { method: 'POST', body: '{}' });
    const starting = await post();
    expect([starting.status, await starting.json()]).toEqual([503, { error: 'starting' }]);
    lifecycle.phase = 'ready';
    expect((await post()).status).toBe(404);
    lifecycle.phase = 'stopping';
    const stopping = await post();
    expect([stopping.status, await stopping.json()]).toEqual([503, { error: 'shutting_down' }]);
    expect(await (await fetch(`${base}/metrics`)).text()).toBe('metrics');
    await closeServer(server);
  });

  it('answers 503 (not a refused connection) while the store opens, and frees the port if it cannot', async () => {
    // A "PostgreSQL" that accepts connections and never answers: start-up waits on it.
    const held: Socket[] = [];
    let connected!: () => void;
    const reached = new Promise<void>((r) => (connected = r));
    const db = createNetServer((socket) => {
      held.push(socket);
      connected();
    });
    await new Promise<void>((r) => db.listen(0, '127.0.0.1', r));
    const dbPort = (db.address() as AddressInfo).port;
    const port = await freePort();
    const config = loadConfig(
      testEnv({ PORT: String(port), DATABASE_URL: `postgres://gigops@127.0.0.1:${dbPort}/gigops` }),
      { readFile: () => '' },
    );
    const starting = startGigops({ config, logger: createLogger({ level: 'silent' }) });
    const failed = starting.then(
      () => undefined,
      (error: unknown) => error,
    );
    await reached;
    const early = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect([early.status, await early.json()]).toEqual([503, { status: 'starting' }]);
    for (const socket of held) socket.destroy();
    expect(String(await failed)).toContain('DATABASE_URL');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    await new Promise((r) => db.close(r));
  });

  it('answers 503 while in-flight work drains after SIGTERM, then closes', async () => {
    const t = await startTestBot();
    let release!: () => void;
    t.bot.deps.lifecycle.track(new Promise<void>((r) => (release = r)));
    const stopped = t.bot.stop();
    const probe = await fetch(`${t.url}/healthz`);
    expect([probe.status, await probe.json()]).toEqual([503, { status: 'stopping' }]);
    const slackRequest = await fetch(`${t.url}/slack/events`, { method: 'POST', body: '{}' });
    expect(slackRequest.status).toBe(503);
    release();
    await stopped;
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    await t.slack.stop();
  });
});
