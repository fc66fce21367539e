import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStoreErrors } from '../src/store/count-errors.ts';
import { createRepositories } from '../src/store/repositories/index.ts';
import type { Sql } from '../src/store/sql.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { deliveryYaml } from './support/delivery.ts';
import { FakeNotion } from './support/fake-notion.ts';
import { githubHeaders } from './support/github-sign.ts';
import { parsePrometheus } from './support/prometheus.ts';

const SECRET = 'store-errors-webhook-secret';

describe('gigops_store_errors_total', () => {
  let notion: FakeNotion;
  let t: TestBot;
  beforeAll(async () => {
    notion = await new FakeNotion().start();
    t = await startTestBot(deliveryYaml(notion.dataSourceId), {
      GITHUB_WEBHOOK_SECRET: SECRET,
      NOTION_TOKEN: 'secret_notion_token',
      NOTION_API_URL: notion.url,
    });
    // Start-up work (the webhook replay reads the store) is over before the store breaks.
    expect(await t.bot.deps.lifecycle.drain(5_000)).toBe(true);
  });
  afterAll(async () => {
    await t.close();
    await notion.stop();
  });

  it('counts a store operation that throws, by name, on /metrics', async () => {
    // The database goes away under a running bot (the SQLite file closed; a dead server).
    await t.bot.deps.store.close();
    const opened = (examples.find((e) => e.name === 'pull_request')!.examples as unknown[])[0];
    const body = JSON.stringify(opened);
    const res = await fetch(`${t.url}/github/webhook`, {
      method: 'POST',
      body,
      headers: githubHeaders('pull_request', body, SECRET),
    });
    // Not recorded, so not accepted: 503 at once (PRODUCT.md), and GitHub can redeliver.
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'store_unavailable' });

    const { samples, types } = parsePrometheus(await (await fetch(`${t.url}/metrics`)).text());
    expect(types.get('gigops_store_errors_total')).toBe('counter');
    expect(
      samples
        .filter((s) => s.name === 'gigops_store_errors_total')
        .map((s) => [s.labels.operation, s.value]),
    ).toEqual([['delivery.recordWebhookEvents', 1]]);
  });
});

describe('countStoreErrors', () => {
  it('reports each failing operation once, passes its error on, and counts nothing else', async () => {
    const broken = new Error('connection terminated unexpectedly');
    const fail = async (): Promise<never> => {
      throw broken;
    };
    const sql: Sql = { all: fail, get: fail, run: fail, transaction: fail };
    const seen: string[] = [];
    const store = countStoreErrors(
      {
        engine: 'postgres',
        ...createRepositories(sql),
        ready: fail,
        close: async () => {},
        checkpoint: fail,
      },
      (operation) => seen.push(operation),
    );
    const now = new Date('2026-11-20T09:00:00Z');
    await expect(store.jobs.claimSlot('digest', 's', 'me', now)).rejects.toBe(broken);
    await expect(store.opportunities.upsert([{ id: 'a/b#1' } as never], now)).rejects.toBe(broken);
    await expect(store.ready()).rejects.toBe(broken);
    await expect(store.checkpoint?.()).rejects.toBe(broken);
    await store.opportunities.upsert([], now); // no statement: nothing fails
    await store.close();
    expect(seen).toEqual(['jobs.claimSlot', 'opportunities.upsert', 'ready', 'checkpoint']);
    expect(store.engine).toBe('postgres');
  });
});
