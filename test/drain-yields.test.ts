import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { afterEach, describe, expect, it } from 'vitest';
import { drainWebhookEvents } from '../src/features/delivery/drain-webhook-events.ts';
import { createSqliteStore } from '../src/store/sqlite/index.ts';
import { drainDeps, fakeDeliverySetup, REPO } from './support/delivery.ts';
import { FakeGitHubPulls } from './support/fake-github-pulls.ts';
import { FakeNotion } from './support/fake-notion.ts';

const opened = examples.find((e) => e.name === 'pull_request')!.examples[0] as unknown as Record<
  string,
  unknown
>;

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('webhook drain', () => {
  it('waits for deps.idle before each delivery, so requests waiting for an answer go first', async () => {
    const notion = await new FakeNotion().start();
    const github = await new FakeGitHubPulls().start();
    const store = createSqliteStore(':memory:');
    stops.push(
      () => notion.stop(),
      () => github.stop(),
      () => store.close(),
    );
    const items: string[] = [];
    for (const n of [1, 2]) {
      const pageId = notion.addItem({ title: `Task ${n}`, status: 'Not started' });
      items.push(pageId);
      const pr = github.setPull(REPO, { number: n, body: `Notion: ${pageId}` });
      await store.delivery.recordWebhookEvent({
        id: `delivery-${n}`,
        event: 'pull_request',
        payload: JSON.stringify({ ...opened, number: n, pull_request: pr }),
        receivedAt: new Date(Date.UTC(2026, 10, 23, 0, 0, n)),
      });
    }
    // The gate: each call waits for the test to let one step through.
    const turns: Array<() => void> = [];
    const idle = () => new Promise<void>((resolve) => turns.push(resolve));
    const next = async () => {
      while (turns.length === 0) await new Promise((r) => setTimeout(r, 5));
      turns.shift()!();
    };
    const drained = drainWebhookEvents(
      drainDeps(store, github.url, { idle }),
      fakeDeliverySetup(notion, { rateLimit: { requestsPerSecond: 1000, burst: 1000 } }),
    );

    await next();
    await notion.waitFor((r) => r.method === 'PATCH');
    await new Promise((r) => setTimeout(r, 100));
    // The second delivery waits for its turn.
    expect(items.map((id) => notion.value(id, 'Status'))).toEqual(['🔄 In Review', 'Not started']);
    await next();
    await drained;
    expect(items.map((id) => notion.value(id, 'Status'))).toEqual(['🔄 In Review', '🔄 In Review']);
    expect(await store.delivery.pendingWebhookEvents(10)).toEqual([]);
  });

  it('holds a delivery while the gate stays closed', async () => {
    const store = createSqliteStore(':memory:');
    const notion = await new FakeNotion().start();
    stops.push(
      () => notion.stop(),
      () => store.close(),
    );
    await store.delivery.recordWebhookEvent({
      id: 'held',
      event: 'pull_request',
      payload: JSON.stringify(opened),
      receivedAt: new Date(),
    });
    let asked = 0;
    const deps = drainDeps(store, notion.url, {
      idle: () => {
        asked += 1;
        return new Promise<void>(() => {});
      },
    });
    void drainWebhookEvents(deps, fakeDeliverySetup(notion));
    await new Promise((r) => setTimeout(r, 200));
    expect(asked).toBe(1);
    expect(notion.requests.filter((r) => r.path.startsWith('/v1/pages'))).toEqual([]);
    expect(await store.delivery.pendingWebhookEvents(10)).toHaveLength(1);
    deps.lifecycle.phase = 'stopping';
  });
});
