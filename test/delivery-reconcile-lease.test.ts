import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliveryReconcileJob,
  RECONCILE_JOB,
  RECONCILE_LEASE_MS,
} from '../src/features/delivery/jobs.ts';
import {
  RECONCILE_RUN_LEASE_MS,
  RECONCILE_RUNNING,
} from '../src/features/delivery/reconcile-exclusively.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { deliveryYaml, REPO } from './support/delivery.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { FakeGitHubPulls } from './support/fake-github-pulls.ts';
import { FakeNotion } from './support/fake-notion.ts';
import { parsePrometheus } from './support/prometheus.ts';
import { signedHeaders, slashCommandBody } from './support/slack-sign.ts';

// The cron job itself (not /gigs sync), run for given slots as node-cron would fire them.
const SLOT = new Date('2026-11-20T12:00:00Z');
let clock = SLOT;
let notion: FakeNotion;
let github: FakeGitHubPulls;
let t: TestBot;
let item: string;

beforeAll(async () => {
  notion = await new FakeNotion().start();
  github = await new FakeGitHubPulls().start();
  item = notion.addItem({
    title: 'Login flow',
    status: 'Not started',
    pr: `https://github.com/${REPO}/pull/1`,
  });
  github.setPull(REPO, { number: 1, updatedAt: '2026-11-20T09:00:00Z' });
  t = await startTestBot(
    deliveryYaml(notion.dataSourceId),
    { NOTION_TOKEN: 'secret_notion_token', NOTION_API_URL: notion.url, GITHUB_API_URL: github.url },
    () => clock,
  );
  await t.bot.startup;
});
afterAll(async () => {
  await t.close();
  await notion.stop();
  await github.stop();
});

const skipped = async () =>
  parsePrometheus(await (await fetch(`${t.url}/metrics`)).text()).samples.find(
    (s) =>
      s.name === 'gigops_jobs_total' &&
      s.labels.job === RECONCILE_JOB &&
      s.labels.outcome === 'skipped',
  )?.value ?? 0;

describe('scheduled reconciliation', () => {
  it('a slot whose replica died mid-run is taken over once its lease lapses, and written once', async () => {
    const { jobs } = t.bot.deps.store;
    const job = deliveryReconcileJob(t.bot.deps)!;
    const slot = SLOT.toISOString();
    expect(
      await jobs.claimSlot(RECONCILE_JOB, slot, 'replica-dead', SLOT, RECONCILE_LEASE_MS),
    ).toBe(true);

    clock = new Date(SLOT.getTime() + RECONCILE_LEASE_MS - 60_000);
    await job.run(SLOT);
    expect(await skipped()).toBe(1);
    expect(github.requests).toEqual([]);
    expect(notion.writes).toEqual([]);

    clock = new Date(SLOT.getTime() + RECONCILE_LEASE_MS + 60_000);
    await job.run(SLOT);
    expect(notion.writes.map((w) => w.path)).toEqual([`/v1/pages/${item.replace(/-/g, '')}`]);
    expect(notion.value(item, 'Status')).toBe('🔄 In Review');
    expect(await jobs.getSlot(RECONCILE_JOB, slot)).toMatchObject({
      owner: t.bot.deps.instanceId,
      completedAt: clock,
    });

    // The same slot again (another replica's late tick): done, so skipped.
    await job.run(SLOT);
    expect(await skipped()).toBe(2);
    // The next slot covers everything from the cursor: nothing changed, nothing written.
    clock = new Date(clock.getTime() + 15 * 60_000);
    await job.run(new Date(SLOT.getTime() + 30 * 60_000));
    expect(notion.writes).toHaveLength(1);
    expect(github.requests.filter((r) => r.path.endsWith('/pulls')).map((r) => r.status)).toEqual([
      200, 304,
    ]);
  });

  it('runs one reconciliation at a time: a slot or /gigs sync during a run waits for the next', async () => {
    const { jobs } = t.bot.deps.store;
    const job = deliveryReconcileJob(t.bot.deps)!;
    const { job: lock, slot: lockSlot } = RECONCILE_RUNNING;
    expect(await jobs.claimSlot(lock, lockSlot, 'replica-busy', clock)).toBe(true);
    const before = github.requests.length;
    const skippedBefore = await skipped();

    const next = new Date(SLOT.getTime() + 60 * 60_000);
    await job.run(next);
    expect(github.requests).toHaveLength(before);
    expect(await skipped()).toBe(skippedBefore + 1);
    expect((await jobs.getSlot(RECONCILE_JOB, next.toISOString()))?.result).toBe(
      'another_run_in_progress',
    );

    const body = slashCommandBody('sync', t.slack.responseUrl('sync-busy'));
    await fetch(`${t.url}/slack/events`, {
      method: 'POST',
      body,
      headers: signedHeaders(SIGNING_SECRET, body),
    });
    const told = await t.slack.waitFor('response_url:/respond/sync-busy');
    expect(told.params.text).toMatch(/already running/);
    expect(github.requests).toHaveLength(before);

    // The holder died: after its lease the lock is taken over, and released after the run.
    clock = new Date(clock.getTime() + RECONCILE_RUN_LEASE_MS + 60_000);
    await job.run(new Date(next.getTime() + 15 * 60_000));
    expect(github.requests.length).toBeGreaterThan(before);
    expect(await jobs.getSlot(lock, lockSlot)).toBeUndefined();
  });
});
