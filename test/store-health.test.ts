import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { StoreProbe } from '../src/http/store-probe.ts';
import { openPostgres } from '../src/store/postgres/db.ts';
import { startTestBot } from './support/bot.ts';
import { postgresAvailable, TEST_DATABASE_URL } from './support/stores.ts';

describe('StoreProbe', () => {
  it('answers a storm with one probe, keeps the answer a moment, and counts silence as down', async () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const probe = new StoreProbe({ ttlMs: 1_500, timeoutMs: 1_000, clock: () => now });
      let calls = 0;
      probe.attach(() => {
        calls++;
        return new Promise<boolean>(() => {}); // a database that never answers
      });
      const storm = Promise.all(Array.from({ length: 200 }, () => probe.healthy()));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await storm).toEqual(Array(200).fill(false));
      expect(calls).toBe(1);
      now = 1_000;
      expect(await probe.healthy()).toBe(false);
      expect(calls).toBe(1);
      // Past the interval the store is asked again, and a recovery shows.
      probe.attach(async () => {
        calls++;
        return true;
      });
      now = 3_000;
      expect(await probe.healthy()).toBe(true);
      expect(calls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('/healthz and the store', () => {
  it('is 503 store_unavailable once the store stops answering', async () => {
    const t = await startTestBot();
    try {
      const ok = await fetch(`${t.url}/healthz`);
      expect(ok.status).toBe(200);
      await t.bot.deps.store.close(); // the database gone under a running bot
      // The last answer is kept up to 1.5 s: wait it out on the probe's own terms.
      await vi.waitFor(
        async () => {
          const res = await fetch(`${t.url}/healthz`);
          expect(res.status).toBe(503);
          expect(await res.json()).toEqual({ status: 'store_unavailable' });
        },
        { timeout: 5_000, interval: 200 },
      );
    } finally {
      await t.close();
    }
  });
});

/** A TCP proxy to PostgreSQL that can fall silent: accepts, reads, never answers. */
async function silentableProxy(target: URL) {
  let silent = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(upstream);
    client.on('data', (d) => {
      if (!silent) upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (!silent) client.write(d);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    silence: () => {
      silent = true;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.skipIf(!postgresAvailable)('PostgreSQL that falls silent', () => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('fails a query at the query timeout instead of hanging', async () => {
    const proxy = await silentableProxy(new URL(TEST_DATABASE_URL));
    closers.push(proxy.close);
    const pool = await openPostgres({
      connectionString: proxy.url,
      queryTimeoutMs: 400,
      connectTimeoutMs: 400,
    });
    closers.push(() => pool.end().catch(() => {}));
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    proxy.silence();
    const started = performance.now();
    await expect(pool.query('SELECT 1')).rejects.toThrow(/timeout/i);
    // Bounded by the timeout, not by the (absent) answer; GitHub waits 10 s for a webhook.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
