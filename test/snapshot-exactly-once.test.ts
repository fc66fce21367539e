import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.ts';
import { catchUpSnapshots } from '../src/features/snapshots/catch-up.ts';
import {
  postClientSnapshot,
  SNAPSHOT_LEASE_MS,
} from '../src/features/snapshots/post-client-snapshot.ts';
import { SLOT_NY, snapshotPages } from './fixtures/snapshot-data-source.ts';
import { tempDir } from './support/env.ts';
import { FakeNotionSnapshots } from './support/fake-notion-snapshots.ts';
import { FakeSlack } from './support/fake-slack.ts';
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

function bot(dataDir: string, now: Date, instanceId: string): Deps {
  const deps = snapshotDeps({
    yaml: SNAPSHOT_YAML(),
    dataDir,
    slackApiUrl: slack.apiUrl,
    notionUrl: notion.url,
    now: () => now,
    instanceId,
  });
  open.push(deps);
  return deps;
}

const posts = () => slack.callsTo('chat.postMessage');

describe('one snapshot per client and week', () => {
  it('posts once when two bots on the same DATA_DIR fire at the same slot', async () => {
    const dir = tempDir();
    const [a, b] = [bot(dir, SLOT_NY, 'replica-a'), bot(dir, SLOT_NY, 'replica-b')];
    const client = a.config.clients[0]!;
    const results = await Promise.all([
      postClientSnapshot(a, client, { slotTime: SLOT_NY }),
      postClientSnapshot(b, client, { slotTime: SLOT_NY }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['already', 'posted']);
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.params.channel).toBe('C0ACME');
    const slot = await a.store.jobs.getSlot('snapshot:acme', '2026-W48');
    expect(slot?.result).toBe((results.find((r) => r.outcome === 'posted') as { ts: string }).ts);
  });

  it('takes over the claim of a replica that died before posting, once its lease is over', async () => {
    const dir = tempDir();
    const dead = bot(dir, SLOT_NY, 'replica-dead');
    await dead.store.jobs.claimSlot('snapshot:acme', '2026-W48', 'replica-dead', SLOT_NY);
    const client = dead.config.clients[0]!;
    const soon = bot(dir, new Date(SLOT_NY.getTime() + SNAPSHOT_LEASE_MS - 60_000), 'replica-b');
    expect((await postClientSnapshot(soon, client, { slotTime: SLOT_NY })).outcome).toBe('already');
    const later = bot(dir, new Date(SLOT_NY.getTime() + SNAPSHOT_LEASE_MS + 60_000), 'replica-c');
    const [c, d] = await Promise.all([
      postClientSnapshot(later, client, { slotTime: SLOT_NY, late: true }),
      postClientSnapshot(later, client, { slotTime: SLOT_NY, late: true }),
    ]);
    expect([c.outcome, d.outcome].sort()).toEqual(['already', 'posted']);
    expect(posts()).toHaveLength(1);
    expect((await later.store.jobs.getSlot('snapshot:acme', '2026-W48'))?.owner).toBe('replica-c');
  });

  it('does not post again after a restart, nor when Post now is pressed that week', async () => {
    const dir = tempDir();
    const first = bot(dir, SLOT_NY, 'before-restart');
    const client = first.config.clients[0]!;
    expect((await postClientSnapshot(first, client, { slotTime: SLOT_NY })).outcome).toBe('posted');
    await first.store.close();
    open.splice(open.indexOf(first), 1);

    const later = new Date(SLOT_NY.getTime() + 2 * 3_600_000);
    const second = bot(dir, later, 'after-restart');
    expect(await catchUpSnapshots(second)).toEqual([
      { clientId: 'acme', action: 'none', week: '2026-W48' },
    ]);
    const again = await postClientSnapshot(second, client, { slotTime: later });
    expect(again).toMatchObject({ outcome: 'already', week: '2026-W48' });
    expect(posts()).toHaveLength(1);
  });

  it('gives the slot back when Slack refuses the post, so the next attempt runs', async () => {
    const deps = bot(tempDir(), SLOT_NY, 'flaky');
    const client = deps.config.clients[0]!;
    slack.responders.set('chat.postMessage', () => ({ ok: false, error: 'channel_not_found' }));
    await expect(postClientSnapshot(deps, client, { slotTime: SLOT_NY })).rejects.toThrow(
      /channel_not_found/,
    );
    slack.responders.delete('chat.postMessage');
    expect((await postClientSnapshot(deps, client, { slotTime: SLOT_NY })).outcome).toBe('posted');
  });

  it('records the week in the history and shows the chart inside the one post', async () => {
    const deps = bot(tempDir(), SLOT_NY, 'chart');
    await postClientSnapshot(deps, deps.config.clients[0]!, { slotTime: SLOT_NY });
    expect(await deps.store.snapshots.history('acme', 8)).toMatchObject([
      { week: '2026-W48', pointsDone: 18, pointsTotal: 29, countDone: 4, countTotal: 9 },
    ]);
    // postClientSnapshot returns after the post, so every step is recorded by now.
    const steps = slack.calls.map((c) => c.method.replace(/\/upload\/F\d+$/, '/upload/<id>'));
    // The chart uploaded unshared, checked processed; a look for this week's post; the post.
    expect(steps).toEqual([
      'files.getUploadURLExternal',
      'upload:/upload/<id>',
      'files.completeUploadExternal',
      'files.info',
      'conversations.history',
      'chat.postMessage',
    ]);
    const [url, upload, done] = slack.calls;
    expect(url!.params.filename).toBe('acme-2026-W48-completion.png');
    expect(upload!.file?.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(url!.params.length).toBe(String(upload!.file?.length));
    expect(done!.params.channel_id).toBeUndefined();
    const fileId = upload!.method.split('/').pop();
    expect(JSON.stringify(posts()[0]?.params.blocks)).toContain(`"slack_file":{"id":"${fileId}"}`);
    expect(slack.messages).toHaveLength(1);
  });
});

describe('late post on start-up', () => {
  it('posts within the grace window, marked late', async () => {
    const deps = bot(tempDir(), new Date(SLOT_NY.getTime() + 5.5 * 3_600_000), 'late');
    expect(await catchUpSnapshots(deps)).toEqual([
      { clientId: 'acme', action: 'posted-late', week: '2026-W48' },
    ]);
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(posts()[0]?.params.blocks)).toContain('Posted late');
  });

  it('skips the week past the grace window and says why', async () => {
    const deps = bot(tempDir(), new Date(SLOT_NY.getTime() + 6.5 * 3_600_000), 'too-late');
    const [result] = await catchUpSnapshots(deps);
    expect(result).toMatchObject({ action: 'skipped', week: '2026-W48' });
    expect((result as { reason: string }).reason).toContain('past the 6 h grace window');
    expect(posts()).toHaveLength(0);
    expect(await deps.store.jobs.getSlot('snapshot:acme', '2026-W48')).toBeUndefined();
  });
});
