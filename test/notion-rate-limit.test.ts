import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { afterEach, describe, expect, it } from 'vitest';
import type { NotionRateLimitOptions } from '../src/clients/notion-rate-limit.ts';
import { rateLimitedFetch, retryAfterMs } from '../src/clients/notion-rate-limit.ts';
import { drainWebhookEvents } from '../src/features/delivery/drain-webhook-events.ts';
import { createSqliteStore } from '../src/store/sqlite/index.ts';
import { drainDeps, fakeDeliverySetup, REPO } from './support/delivery.ts';
import { FakeGitHubPulls } from './support/fake-github-pulls.ts';
import { FakeNotion } from './support/fake-notion.ts';
import { VirtualClock } from './support/virtual-clock.ts';

const opened = examples.find((e) => e.name === 'pull_request')!.examples[0] as unknown as Record<
  string,
  Record<string, unknown>
>;

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** 200 webhook deliveries for 200 pull requests, each linking its own item, drained through Notion. */
async function burst(rateLimit: Pick<NotionRateLimitOptions, 'requestsPerSecond' | 'burst'>) {
  const clock = new VirtualClock();
  const notion = await new FakeNotion({ now: clock.now }).start();
  const github = await new FakeGitHubPulls().start();
  stops.push(
    () => notion.stop(),
    () => github.stop(),
  );
  const setup = fakeDeliverySetup(notion, {
    fetch: clock.track(fetch),
    rateLimit: { ...rateLimit, now: clock.now, sleep: clock.sleep },
  });
  const store = createSqliteStore(':memory:');
  stops.push(() => store.close());
  const deps = drainDeps(store, github.url, {
    now: () => new Date(Date.UTC(2026, 10, 23) + clock.t),
  });
  const ids: string[] = [];
  for (let n = 1; n <= 200; n += 1) {
    const pageId = notion.addItem({ title: `Task ${n}`, status: 'Not started' });
    ids.push(pageId);
    const pr = github.setPull(REPO, { number: n, body: `Notion: ${pageId}` });
    const payload = { ...opened, number: n, pull_request: pr };
    await store.delivery.recordWebhookEvent({
      id: `delivery-${n}`,
      event: 'pull_request',
      payload: JSON.stringify(payload),
      receivedAt: new Date(Date.UTC(2026, 10, 23, 0, 0, n)),
    });
  }
  await drainWebhookEvents(deps, setup);
  return { clock, notion, store, ids };
}

/** Most requests seen by the fake in any window of `ms`. */
const peak = (times: number[], ms: number) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

describe('Notion rate limit', () => {
  it('a burst of 200 webhook events stays under 3 requests/second and loses none', async () => {
    const { clock, notion, store, ids } = await burst({});
    expect(notion.rateLimited).toBe(0);
    expect(notion.writes).toHaveLength(200);
    expect(ids.every((id) => notion.value(id, 'Status') === '🔄 In Review')).toBe(true);
    expect(await store.delivery.pendingWebhookEvents(1000)).toEqual([]);
    // 401 requests (schema + retrieve/update per event) at 3/s take ~133 s of simulated time.
    expect(clock.t).toBeGreaterThan(130_000);
    // Average 3/s with a burst of 3 on top: never more than 3·s + 3 in any s seconds.
    const times = notion.requests.map((r) => r.at);
    expect(peak(times, 10_000)).toBeLessThanOrEqual(33);
    expect(peak(times, 60_000)).toBeLessThanOrEqual(183);
  });

  it('retries 429 answers after Retry-After when the client goes too fast, losing nothing', async () => {
    const { clock, notion, store, ids } = await burst({ requestsPerSecond: 50, burst: 50 });
    expect(notion.rateLimited).toBeGreaterThan(0);
    expect(clock.slept).toContain(1000);
    expect(notion.writes).toHaveLength(200);
    expect(ids.every((id) => notion.value(id, 'Status') === '🔄 In Review')).toBe(true);
    expect(await store.delivery.pendingWebhookEvents(1000)).toEqual([]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs('Mon, 23 Nov 2026 20:00:05 GMT', Date.parse('2026-11-23T20:00:00Z'))).toBe(
      5000,
    );
  });

  it('retries reads after a server error, never writes', async () => {
    const clock = new VirtualClock();
    const answers = [503, 200, 500];
    const calls: string[] = [];
    const limited = rateLimitedFetch(
      async (_url, init) => {
        calls.push(init?.method ?? 'GET');
        return new Response('{}', { status: answers.shift() ?? 200 });
      },
      { now: clock.now, sleep: clock.sleep },
    );
    expect((await limited('http://127.0.0.1/v1/pages/x')).status).toBe(200);
    expect((await limited('http://127.0.0.1/v1/pages/x', { method: 'PATCH' })).status).toBe(500);
    expect(calls).toEqual(['GET', 'GET', 'PATCH']);
  });
});
