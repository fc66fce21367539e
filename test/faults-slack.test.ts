import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.ts';
import { catchUpSnapshots } from '../src/features/snapshots/catch-up.ts';
import { postClientSnapshot, snapshotJob } from '../src/features/snapshots/post-client-snapshot.ts';
import { slackClientPolicy } from '../src/slack/app.ts';
import { PostNotConfirmed, postOnce } from '../src/slack/post-once.ts';
import { SLOT_NY, snapshotPages } from './fixtures/snapshot-data-source.ts';
import { BOT_TOKEN, tempDir } from './support/env.ts';
import { FakeNotionSnapshots } from './support/fake-notion-snapshots.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { freePort } from './support/loopback.ts';
import { SNAPSHOT_YAML, snapshotDeps } from './support/snapshot-deps.ts';

let slack: FakeSlack;
let notion: FakeNotionSnapshots;
const open: Deps[] = [];

beforeAll(async () => {
  slack = await new FakeSlack().start();
  notion = await new FakeNotionSnapshots('ds-delivery').start();
  notion.pages = snapshotPages;
});
afterEach(async () => {
  for (const d of open.splice(0)) await d.store.close();
  slack.reset(); // each test is its own workspace
});
afterAll(async () => {
  await slack.stop();
  await notion.stop();
});

/**
 * Real services on a real store, with the production Slack client policy
 * (slackClientPolicy) whose back-off unit is shrunk to 1 ms.
 */
function bot(clock: { now: Date }, timeout?: number): Deps {
  const deps = snapshotDeps({
    yaml: SNAPSHOT_YAML(),
    dataDir: tempDir(),
    slackApiUrl: slack.apiUrl,
    notionUrl: notion.url,
    now: () => clock.now,
  });
  const policy = slackClientPolicy(1);
  const options = {
    slackApiUrl: slack.apiUrl,
    logLevel: LogLevel.ERROR,
    ...policy,
    ...(timeout ? { timeout } : {}),
  };
  deps.slack = new WebClient(BOT_TOKEN, options);
  // As createSlackApp builds it: posts are never retried by the client itself.
  deps.slackPost = new WebClient(BOT_TOKEN, {
    ...options,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  open.push(deps);
  return deps;
}

const posts = () => slack.callsTo('chat.postMessage');
const minutes = (m: number) => new Date(SLOT_NY.getTime() + m * 60_000);

describe('Slack faults on the snapshot post', () => {
  it('waits out `ratelimited` (HTTP 429 + Retry-After) and posts once', async () => {
    const deps = bot({ now: SLOT_NY });
    slack.httpFaults.set('chat.postMessage', [
      { status: 429, headers: { 'retry-after': '1' }, body: '{"ok":false,"error":"ratelimited"}' },
    ]);
    const started = Date.now();
    const result = await postClientSnapshot(deps, deps.config.clients[0]!, { slotTime: SLOT_NY });
    expect(result.outcome).toBe('posted');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(posts()).toHaveLength(2); // the refused one and the one that landed
  });

  it('retries 5xx twice, then gives the slot back; the next retry run posts it, once', async () => {
    const clock = { now: SLOT_NY };
    const deps = bot(clock);
    const client = deps.config.clients[0]!;
    slack.httpFaults.set('chat.postMessage', [{ status: 503 }, { status: 500 }, { status: 502 }]);
    await expect(postClientSnapshot(deps, client, { slotTime: SLOT_NY })).rejects.toThrow(/50[32]/);
    expect(posts()).toHaveLength(3);
    expect(await deps.store.jobs.getSlot(snapshotJob(client.id), '2026-W48')).toBeUndefined();

    // The snapshot:retry job, ten minutes later, within the grace window.
    clock.now = minutes(10);
    expect(await catchUpSnapshots(deps, { retry: true })).toEqual([
      { clientId: 'acme', action: 'posted-late', week: expect.any(String) },
    ]);
    expect(posts()).toHaveLength(4);
    clock.now = minutes(20);
    await catchUpSnapshots(deps, { retry: true });
    expect(posts()).toHaveLength(4);
  });

  it('leaves a post that failed past the grace window alone, quietly', async () => {
    const clock = { now: SLOT_NY };
    const deps = bot(clock);
    slack.httpFaults.set('chat.postMessage', [{ status: 503 }, { status: 503 }, { status: 503 }]);
    await expect(
      postClientSnapshot(deps, deps.config.clients[0]!, { slotTime: SLOT_NY }),
    ).rejects.toThrow();
    clock.now = minutes(7 * 60);
    expect(await catchUpSnapshots(deps, { retry: true })).toEqual([
      { clientId: 'acme', action: 'none', week: expect.any(String) },
    ]);
    expect(posts()).toHaveLength(3);
  });

  it('times out a Slack that never answers instead of hanging, and gives the slot back', async () => {
    const deps = bot({ now: SLOT_NY }, 100);
    const client = deps.config.clients[0]!;
    const silent = { hold: true, landed: false };
    slack.httpFaults.set('chat.postMessage', [silent, silent, silent]);
    await expect(postClientSnapshot(deps, client, { slotTime: SLOT_NY })).rejects.toThrow();
    expect(await deps.store.jobs.getSlot(snapshotJob(client.id), '2026-W48')).toBeUndefined();
  });

  it('a Slack that posts but answers too late: found by looking, never posted twice (issue 18, item 3)', async () => {
    const deps = bot({ now: SLOT_NY }, 100);
    const client = deps.config.clients[0]!;
    slack.httpFaults.set('chat.postMessage', [
      { delayMs: 300 },
      { delayMs: 300 },
      { delayMs: 300 },
    ]);
    const result = await postClientSnapshot(deps, client, { slotTime: SLOT_NY });
    expect(result.outcome).toBe('posted');
    expect(slack.messages.filter((m) => m.channel === client.channel)).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    expect((await deps.store.jobs.getSlot(snapshotJob(client.id), '2026-W48'))?.result).toBe(
      slack.messages[0]?.ts,
    );
    // Post now later that week, and the retry run: still one post.
    expect((await postClientSnapshot(deps, client, { slotTime: minutes(60) })).outcome).toBe(
      'already',
    );
    await catchUpSnapshots(deps, { retry: true });
    expect(slack.messages).toHaveLength(1);
  });

  it('a try that landed before its replica died is found by the next try, not posted again', async () => {
    const clock = { now: SLOT_NY };
    const deps = bot(clock, 100);
    const client = deps.config.clients[0]!;
    // Slack took the post, then every answer and every look failed: the slot is given back.
    slack.httpFaults.set('chat.postMessage', [{ hold: true }, { status: 503 }, { status: 503 }]);
    slack.httpFaults.set('conversations.history', Array(12).fill({ status: 503 }));
    await expect(postClientSnapshot(deps, client, { slotTime: SLOT_NY })).rejects.toThrow();
    expect(slack.messages).toHaveLength(1);
    slack.httpFaults.clear();
    clock.now = minutes(10);
    expect(await catchUpSnapshots(deps, { retry: true })).toEqual([
      { clientId: 'acme', action: 'posted-late', week: expect.any(String) },
    ]);
    expect(slack.messages).toHaveLength(1);
  });

  it('keeps the production policy bounded: a 10 s deadline and two retries', () => {
    expect(slackClientPolicy()).toEqual({
      timeout: 10_000,
      retryConfig: { retries: 2, factor: 2, minTimeout: 1_000, maxTimeout: 4_000 },
    });
  });
});

describe('postOnce: what it tells when every try fails (issue 18, item 3)', () => {
  const input = (poster: WebClient) => ({
    poster,
    reader: new WebClient(BOT_TOKEN, { slackApiUrl: slack.apiUrl, logLevel: LogLevel.ERROR }),
    channel: 'C0ACME',
    marker: { type: 'gigops_test', id: 'x' },
    since: new Date(Date.now() - 60_000),
    message: { text: 'hello' },
    backoffMs: 1,
  });
  const noRetry = (slackApiUrl: string, timeout?: number) =>
    new WebClient(BOT_TOKEN, {
      slackApiUrl,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      ...(timeout ? { timeout } : {}),
    });

  it('a Slack never reached is tried again without looking, and nothing can have landed', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/api/`;
    const error = await postOnce(input(noRetry(closed))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostNotConfirmed);
    expect(error).toMatchObject({ reason: 'unreachable', landed: 'no', tries: 3 });
    expect(slack.callsTo('conversations.history')).toHaveLength(0);
  });

  it('a Slack that went silent may still show the post: said so, after looking', async () => {
    slack.httpFaults.set('chat.postMessage', Array(3).fill({ hold: true, landed: false }));
    const error = await postOnce(input(noRetry(slack.apiUrl, 100))).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'no_answer', landed: 'unknown', tries: 3 });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
    expect(slack.callsTo('conversations.history')).toHaveLength(3);
    expect(slack.messages).toHaveLength(0);
  });
});
