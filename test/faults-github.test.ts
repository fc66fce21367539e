import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHub } from '../src/clients/github.ts';
import { reconcileDeliveries } from '../src/features/delivery/reconcile-deliveries.ts';
import { checkDeliverySetup } from '../src/features/delivery/setup.ts';
import { createSqliteStore } from '../src/store/sqlite/index.ts';
import { startTestBot } from './support/bot.ts';
import { fakeDeliverySetup, REPO, silentLogger } from './support/delivery.ts';
import { tempDir } from './support/env.ts';
import { FakeGitHubPulls } from './support/fake-github-pulls.ts';
import { FakeHttp, type FakeReply } from './support/fake-http.ts';
import { FakeNotion } from './support/fake-notion.ts';
import { parsePrometheus } from './support/prometheus.ts';

// The production client, with its waits counted in milliseconds instead of
// seconds (retryBaseMs) so retries cost no wall-clock time.
const client = (url: string, extra: { timeoutMs?: number } = {}) =>
  createGitHub({
    token: 'ghp_fault',
    baseUrl: url,
    logger: silentLogger,
    retryBaseMs: 1,
    ...extra,
  });

/** A GitHub that answers one pull request, after the given faults in order. */
async function scripted(faults: FakeReply[]) {
  const http = await new FakeHttp().start();
  const queue = [...faults];
  http.route('GET /repos/acme/api/pulls/1', () => queue.shift() ?? { body: { number: 1 } });
  return http;
}

const get = (url: string, extra?: { timeoutMs?: number }) =>
  client(url, extra).rest.pulls.get({ owner: 'acme', repo: 'api', pull_number: 1 });
// GitHub's wording (docs: "Rate limits for the REST API"); Octokit keys on it.
const SECONDARY = {
  message:
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
};
const inSeconds = (s: number) => String(Math.floor(Date.now() / 1000) + s);

describe('GitHub faults at the client', () => {
  it.each([
    ['a 502', { status: 502, body: { message: 'Bad Gateway' } }],
    ['a 503', { status: 503, body: { message: 'Service Unavailable' } }],
    [
      'a primary rate limit that resets at once',
      { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(0) } },
    ],
    [
      'a secondary limit (403 + retry-after)',
      { status: 403, headers: { 'retry-after': '1' }, body: SECONDARY },
    ],
    [
      'a secondary limit (429 + retry-after)',
      { status: 429, headers: { 'retry-after': '1' }, body: SECONDARY },
    ],
  ])('retries %s and succeeds', async (_name, fault) => {
    const http = await scripted([{ body: { message: 'limited' }, ...fault }]);
    try {
      const res = await get(http.url);
      expect(res.data).toEqual({ number: 1 });
      expect(http.requests).toHaveLength(2);
    } finally {
      await http.stop();
    }
  });

  it('reports each primary and secondary limit to onRateLimit, waited out or not', async () => {
    const ok = { body: { number: 1 } };
    const http = await scripted([
      { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(0) } },
      ok,
      { status: 403, headers: { 'retry-after': '1' }, body: SECONDARY },
      ok,
      { status: 429, headers: { 'retry-after': '3600' }, body: SECONDARY },
    ]);
    const seen: Array<[string, boolean]> = [];
    const github = createGitHub({
      token: 'ghp_fault',
      baseUrl: http.url,
      logger: silentLogger,
      retryBaseMs: 1,
      onRateLimit: (kind, retrying) => seen.push([kind, retrying]),
    });
    const pull = () => github.rest.pulls.get({ owner: 'acme', repo: 'api', pull_number: 1 });
    try {
      expect((await pull()).data).toEqual({ number: 1 });
      expect((await pull()).data).toEqual({ number: 1 });
      await expect(pull()).rejects.toMatchObject({ status: 429 });
      expect(seen).toEqual([
        ['primary', true],
        ['secondary', true],
        ['secondary', false],
      ]);
    } finally {
      await http.stop();
    }
  });

  it('gives up on 5xx after two retries and says what GitHub answered', async () => {
    const down = { status: 503, body: { message: 'Service Unavailable' } };
    const http = await scripted([down, down, down, down]);
    try {
      await expect(get(http.url)).rejects.toMatchObject({ status: 503 });
      expect(http.requests).toHaveLength(3);
    } finally {
      await http.stop();
    }
  });

  it.each([
    [
      'a primary limit resetting in an hour',
      {
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(3600) },
      },
    ],
    [
      'a secondary limit asking for an hour',
      { status: 429, headers: { 'retry-after': '3600' }, body: SECONDARY },
    ],
  ])('does not wait out %s: one request, then the error', async (_name, fault) => {
    const http = await scripted([{ body: { message: 'limited' }, ...fault }]);
    try {
      await expect(get(http.url)).rejects.toMatchObject({ status: fault.status });
      expect(http.requests).toHaveLength(1);
    } finally {
      await http.stop();
    }
  });

  it('times out a GitHub that never answers, instead of hanging', async () => {
    // A server that accepts the request and never writes a byte.
    const server = createServer(() => {});
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const started = Date.now();
      await expect(get(`http://127.0.0.1:${port}`, { timeoutMs: 100 })).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('an unsynced pull request while GitHub is down', () => {
  let notion: FakeNotion;
  let github: FakeGitHubPulls;
  beforeAll(async () => {
    notion = await new FakeNotion().start();
    github = await new FakeGitHubPulls().start();
  });
  afterAll(async () => {
    await notion.stop();
    await github.stop();
  });

  it('is reported as failed, then synced by the next reconciliation', async () => {
    const item = notion.addItem({
      title: 'Login',
      status: 'Not started',
      pr: `https://github.com/${REPO}/pull/1`,
    });
    github.setPull(REPO, { number: 1, updatedAt: '2026-11-20T09:00:00Z' });
    let down = true;
    const faulty: typeof fetch = (url, init) =>
      down
        ? Promise.resolve(
            new Response('{"message":"Service Unavailable"}', {
              status: 503,
              headers: { 'content-type': 'application/json' },
            }),
          )
        : fetch(url, init);
    const deps = {
      store: createSqliteStore(tempDir()),
      logger: silentLogger,
      now: () => new Date('2026-11-20T12:00:00Z'),
      github: createGitHub({
        token: undefined,
        baseUrl: github.url,
        logger: silentLogger,
        retryBaseMs: 1,
        fetch: faulty,
      }),
    };
    const setup = fakeDeliverySetup(notion);
    const check = await checkDeliverySetup(setup);
    if (!check.ok) throw new Error('schema');

    const first = await reconcileDeliveries(deps, setup, check.kinds);
    expect(first.failed).toEqual([{ repo: REPO, error: expect.stringMatching(/503|Unavailable/) }]);
    expect(notion.value(item, 'Status')).toBe('Not started');

    down = false;
    const second = await reconcileDeliveries(deps, setup, check.kinds);
    expect(second.failed).toEqual([]);
    expect(second.updated).toHaveLength(1);
    expect(notion.value(item, 'Status')).toBe('🔄 In Review');
    await deps.store.close();
  });
});

describe('GitHub rate limits on /metrics', () => {
  it('counts primary and secondary limits once each, a 429 included', async () => {
    const http = await new FakeHttp().start();
    http.route('GET /repos/acme/api/pulls/1', {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(3600) },
      body: { message: 'API rate limit exceeded' },
    });
    http.route('GET /repos/acme/api/pulls/2', {
      status: 429,
      headers: { 'retry-after': '3600' },
      body: SECONDARY,
    });
    const t = await startTestBot('', { GITHUB_API_URL: http.url });
    try {
      const { github } = t.bot.deps;
      for (const pull_number of [1, 2])
        await expect(
          github.rest.pulls.get({ owner: 'acme', repo: 'api', pull_number }),
        ).rejects.toMatchObject({ status: pull_number === 1 ? 403 : 429 });
      const { samples } = parsePrometheus(await (await fetch(`${t.url}/metrics`)).text());
      expect(
        samples
          .filter((s) => s.name === 'gigops_rate_limit_waits_total')
          .map((s) => [s.labels.service, s.labels.kind, s.value]),
      ).toEqual([
        ['github', 'primary', 1],
        ['github', 'secondary', 1],
      ]);
    } finally {
      await t.close();
      await http.stop();
    }
  });
});
