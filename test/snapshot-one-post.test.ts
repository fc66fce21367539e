import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.ts';
import { postClientSnapshot } from '../src/features/snapshots/post-client-snapshot.ts';
import { SLOT_NY, snapshotPages } from './fixtures/snapshot-data-source.ts';
import { tempDir } from './support/env.ts';
import { FakeNotionSnapshots, notionPage } from './support/fake-notion-snapshots.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';
import { SNAPSHOT_YAML, snapshotDeps } from './support/snapshot-deps.ts';

/**
 * One snapshot, one post (PRODUCT.md; issue 23): the week's snapshot is one
 * top-level message in the client channel, the chart inside it, uploaded
 * unshared and shown by an image block naming the file. The fake Slack
 * processes uploads as Slack does (asynchronously: files.info shows no
 * mimetype and image blocks naming the file are refused meanwhile).
 */
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
  notion.pages = snapshotPages;
});
afterAll(async () => {
  await slack.stop();
  await notion.stop();
});

function bot(): Deps {
  const deps = snapshotDeps({
    yaml: SNAPSHOT_YAML(),
    dataDir: tempDir(),
    slackApiUrl: slack.apiUrl,
    notionUrl: notion.url,
    now: () => SLOT_NY,
  });
  open.push(deps);
  return deps;
}

const FAST = { looks: 3, pauseMs: 0 };
const channelMessages = () => slack.messages.filter((m) => m.channel === 'C0ACME');
const topLevel = () => channelMessages().filter((m) => !m.thread_ts);
type Block = { type: string; slack_file?: { id: string }; alt_text?: string };
const blocksOf = (m: { blocks?: unknown[] } | undefined) => (m?.blocks ?? []) as Block[];

describe('one snapshot, one post', () => {
  it('is one top-level message with the chart inside, within Slack’s limits, for a 1,000-item client', async () => {
    notion.pages = Array.from({ length: 1000 }, (_, i) =>
      notionPage({
        title: `Item ${i} ${'with a long title '.repeat(8)}`,
        status: ['✅ Done', '🔄 In Review', 'Not started', '📝 Draft'][i % 4]!,
        points: (i % 5) + 1,
        blocked: i % 9 === 0,
        date: '2026-11-20T16:00:00.000Z',
        reviewer: 'Ana',
        qa: 'success',
        pr: `https://github.com/acme/api/pull/${i}`,
      }),
    );
    const deps = bot();
    const result = await postClientSnapshot(deps, deps.config.clients[0]!, {
      slotTime: SLOT_NY,
      chartWait: FAST,
    });
    expect(result.outcome).toBe('posted');
    expect(channelMessages()).toHaveLength(1);
    const [post] = topLevel();
    const blocks = blocksOf(post);
    expectWithinSlackLimits(blocks, 'message');
    const images = blocks.filter((b) => b.type === 'image');
    expect(images).toHaveLength(1);
    const file = slack.files.get(images[0]!.slack_file!.id);
    // Uploaded, never shared: the post is the only thing the channel shows.
    expect(file).toMatchObject({
      name: 'acme-2026-W48-completion.png',
      completed: true,
      shares: [],
    });
    expect(images[0]!.alt_text).toContain('2026-W48');
    expect(slack.callsTo('files.completeUploadExternal')[0]?.params.channel_id).toBeUndefined();
  });

  it('waits for Slack to process the chart before the post shows it', async () => {
    slack.fileProcessingLooks = 2;
    const deps = bot();
    await postClientSnapshot(deps, deps.config.clients[0]!, { slotTime: SLOT_NY, chartWait: FAST });
    expect(slack.callsTo('files.info')).toHaveLength(3);
    expect(topLevel()).toHaveLength(1);
    expect(blocksOf(topLevel()[0]).some((b) => b.type === 'image')).toBe(true);
    expect(channelMessages()).toHaveLength(1);
  });

  it('posts without the chart when Slack is still processing it, and the chart follows in the thread', async () => {
    slack.fileProcessingLooks = 4;
    const deps = bot();
    const { ts } = (await postClientSnapshot(deps, deps.config.clients[0]!, {
      slotTime: SLOT_NY,
      chartWait: FAST,
    })) as { ts: string };
    expect(topLevel()).toHaveLength(1);
    expect(blocksOf(topLevel()[0]).some((b) => b.type === 'image')).toBe(false);
    const replies = channelMessages().filter((m) => m.thread_ts === ts);
    expect(replies).toHaveLength(1);
    expect(blocksOf(replies[0]).map((b) => b.type)).toEqual(['image']);
    expect(replies[0]?.metadata?.event_type).toBe('gigops_snapshot_chart');
  });

  it('posts without the chart when Slack refuses the image block, never failing the week', async () => {
    // files.info says processed, but the file is not: Slack refuses the image block.
    slack.fileProcessingLooks = 50;
    slack.responders.set('files.info', () => ({ ok: true, file: { mimetype: 'image/png' } }));
    const deps = bot();
    const result = await postClientSnapshot(deps, deps.config.clients[0]!, {
      slotTime: SLOT_NY,
      chartWait: FAST,
    });
    expect(result.outcome).toBe('posted');
    expect(topLevel()).toHaveLength(1);
    expect(blocksOf(topLevel()[0]).some((b) => b.type === 'image')).toBe(false);
    expect(channelMessages()).toHaveLength(1);
  });

  it('posts without the chart when the upload fails', async () => {
    slack.responders.set('files.getUploadURLExternal', () => ({ ok: false, error: 'not_allowed' }));
    const deps = bot();
    await postClientSnapshot(deps, deps.config.clients[0]!, { slotTime: SLOT_NY, chartWait: FAST });
    expect(topLevel()).toHaveLength(1);
    expect(channelMessages()).toHaveLength(1);
  });
});
