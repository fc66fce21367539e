import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestJob } from '../src/features/radar/digest-job.ts';
import { DIGEST_LEASE_MS } from '../src/features/radar/post-digest.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { BOT_TOKEN, tempDir } from './support/env.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { radarIssues } from './support/radar.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';

const YAML = 'radar:\n  pageSize: 4\n  digest:\n    channel: C0DIGEST\n    cron: "0 9 * * 1-5"\n';
let clock = new Date('2026-11-20T09:00:00Z');
let gh: FakeGitHub;
let dataDir: string;
const open: TestBot[] = [];

beforeEach(async () => {
  clock = new Date('2026-11-20T09:00:00Z');
  gh = await new FakeGitHub().start();
  gh.issues = radarIssues(6, clock);
  dataDir = tempDir();
});
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  await gh.stop();
});

async function bot(): Promise<TestBot> {
  const t = await startTestBot(YAML, { GITHUB_API_URL: gh.url, DATA_DIR: dataDir }, () => clock);
  open.push(t);
  return t;
}

/** Runs the digest job for the slot at `clock` (as the cron would) and returns what it posted. */
async function runDigest(t: TestBot): Promise<string[][]> {
  const slack = new WebClient(BOT_TOKEN, {
    slackApiUrl: t.slack.apiUrl,
    retryConfig: { retries: 0 },
  });
  const before = t.slack.callsTo('chat.postMessage').length;
  await digestJob(t.bot.deps, slack)!.run(clock);
  return t.slack
    .callsTo('chat.postMessage')
    .slice(before)
    .map((c) => {
      expect(c.params.channel).toBe('C0DIGEST');
      const blocks = c.params.blocks as Array<{ block_id?: string }>;
      expectWithinSlackLimits(blocks);
      return blocks.filter((b) => b.block_id?.startsWith('opp:')).map((b) => b.block_id!.slice(4));
    });
}
const nextSlot = (days = 1) => {
  clock = new Date(clock.getTime() + days * 86_400_000);
};

describe('scheduled digest', () => {
  it('posts only never-posted opportunities across two runs, then nothing', async () => {
    const t = await bot();
    const [first] = await runDigest(t);
    expect(first).toHaveLength(4);
    nextSlot();
    const [second] = await runDigest(t);
    expect(second).toHaveLength(2);
    expect(second!.filter((id) => first!.includes(id))).toEqual([]);
    nextSlot();
    expect(await runDigest(t)).toEqual([]); // nothing new: nothing posted
  });

  it('remembers what it posted across a restart on the same DATA_DIR', async () => {
    const a = await bot();
    const [first] = await runDigest(a);
    await a.close();
    open.splice(open.indexOf(a), 1);

    gh.issues = [...gh.issues, { ...radarIssues(1, clock)[0]!, repo: 'new/thing', number: 7 }];
    nextSlot();
    const b = await bot();
    const posts = await runDigest(b);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.filter((id) => first!.includes(id))).toEqual([]);
    expect(posts[0]).toContain('github:new/thing#7');
  });

  it('runs a slot once, however often it fires', async () => {
    const t = await bot();
    expect(await runDigest(t)).toHaveLength(1);
    expect(await runDigest(t)).toEqual([]); // same slot again: already claimed
    expect((await t.bot.deps.store.jobs.getSlot('digest', clock.toISOString()))?.result).toMatch(
      /^\d+\.\d+$/,
    );
  });

  it('gives items back when the post fails, so the next slot posts them', async () => {
    const t = await bot();
    t.slack.responders.set('chat.postMessage', () => ({ ok: false, error: 'channel_not_found' }));
    await expect(runDigest(t)).rejects.toThrow(/channel_not_found/);
    t.slack.responders.delete('chat.postMessage');
    nextSlot();
    const [posted] = await runDigest(t);
    expect(posted).toHaveLength(4);
  });

  it('a replica that dies before its post holds its items for the lease, then the next slot posts them', async () => {
    const t = await bot();
    // Another replica claims this slot and its four best items, and dies inside chat.postMessage.
    let posting!: (ids: string[]) => void;
    const reached = new Promise<string[]>((resolve) => {
      posting = resolve;
    });
    const dying = {
      chat: {
        postMessage: (params: { blocks: Array<{ block_id?: string }> }) => {
          posting(
            params.blocks.flatMap((b) =>
              b.block_id?.startsWith('opp:') ? [b.block_id.slice(4)] : [],
            ),
          );
          return new Promise(() => {});
        },
      },
    } as unknown as WebClient;
    void digestJob({ ...t.bot.deps, instanceId: 'replica-dead' }, dying)!.run(clock);
    const stuck = await reached;
    expect(stuck).toHaveLength(4);

    expect(await runDigest(t)).toEqual([]); // its slot: taken
    clock = new Date(clock.getTime() + 5 * 60_000);
    const [others] = await runDigest(t); // a slot within the lease: only the two it did not hold
    expect(others).toHaveLength(2);
    expect(others!.filter((id) => stuck.includes(id))).toEqual([]);
    clock = new Date(clock.getTime() + DIGEST_LEASE_MS);
    const [takenOver] = await runDigest(t);
    expect([...takenOver!].sort()).toEqual([...stuck].sort());
    nextSlot();
    expect(await runDigest(t)).toEqual([]); // posted ones: never again
  });

  it('posts nothing and loses nothing while GitHub is down', async () => {
    const t = await bot();
    gh.fault = { status: 401 };
    await expect(runDigest(t)).rejects.toThrow(/GITHUB_TOKEN/);
    gh.fault = undefined;
    nextSlot();
    const [posted] = await runDigest(t);
    expect(posted).toHaveLength(4);
  });
});
