import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.ts';
import { catchUpSnapshots } from '../src/features/snapshots/catch-up.ts';
import { postClientSnapshot } from '../src/features/snapshots/post-client-snapshot.ts';
import { SLOT_NY, snapshotPages } from './fixtures/snapshot-data-source.ts';
import { tempDir } from './support/env.ts';
import { FakeNotionSnapshots } from './support/fake-notion-snapshots.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { SNAPSHOT_YAML, snapshotDeps } from './support/snapshot-deps.ts';

/**
 * `snapshot.pdf: true` (issue 23, step 4): the week's PDF as a reply in the
 * snapshot post's thread, `<client-id>-<week>.pdf`, once, whatever Slack
 * answers: files.completeUploadExternal shares the file and is not idempotent,
 * so an earlier try is looked for in the thread before sharing again.
 */
const PDF_YAML = SNAPSHOT_YAML('America/New_York', '      pdf: true\n');
const minutes = (m: number) => new Date(SLOT_NY.getTime() + m * 60_000);
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

function bot(clock: { now: Date }, yaml = PDF_YAML): Deps {
  const deps = snapshotDeps({
    yaml,
    dataDir: tempDir(),
    slackApiUrl: slack.apiUrl,
    notionUrl: notion.url,
    now: () => clock.now,
  });
  open.push(deps);
  return deps;
}

const inChannel = () => slack.messages.filter((m) => m.channel === 'C0ACME');
const pdfReplies = (ts: string) =>
  inChannel().filter((m) => m.thread_ts === ts && m.files?.some((f) => f.name.endsWith('.pdf')));

describe('the PDF in the snapshot post’s thread', () => {
  it('is one reply under the one post, named for the client and week, the report inside', async () => {
    const deps = bot({ now: SLOT_NY });
    const week = await postClientSnapshot(deps, deps.config.clients[0]!, { slotTime: SLOT_NY });
    expect(week).toMatchObject({ outcome: 'posted', pdf: 'sent' });
    const ts = (week as { ts: string }).ts;
    expect(inChannel().filter((m) => !m.thread_ts)).toHaveLength(1);
    const replies = pdfReplies(ts);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.files).toEqual([
      {
        id: expect.any(String),
        name: 'acme-2026-W48.pdf',
        title: 'ACME Corp: weekly snapshot 2026-W48 (PDF)',
      },
    ]);
    const bytes = slack.files.get(replies[0]!.files![0]!.id)!.bytes!;
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
      mergePages: true,
    });
    expect(text).toContain('18 of 29 points');
    expect(text).toContain('ACME Corp');
    // The week's post again (Post now, the retry run): no second PDF.
    await postClientSnapshot(deps, deps.config.clients[0]!, { slotTime: minutes(30) });
    await catchUpSnapshots(deps, { retry: true });
    expect(pdfReplies(ts)).toHaveLength(1);
    expect(
      slack.callsTo('files.completeUploadExternal').filter((c) => c.params.channel_id),
    ).toHaveLength(1);
  });

  it('is not shared again when Slack shared it but its answer was lost', async () => {
    const clock = { now: SLOT_NY };
    const deps = bot(clock);
    // The chart's completion goes as usual; the PDF's is shared, then its answer fails.
    slack.httpFaults.set('files.completeUploadExternal', [
      { status: 503, landed: true, match: (params) => !!params.channel_id },
    ]);
    const week = await postClientSnapshot(deps, deps.config.clients[0]!, { slotTime: SLOT_NY });
    expect(week.pdf).toBe('failed');
    const ts = (week as { ts: string }).ts;
    expect(pdfReplies(ts)).toHaveLength(1);
    clock.now = minutes(4);
    await catchUpSnapshots(deps, { retry: true });
    expect(
      await deps.store.reports.delivery({
        clientId: 'acme',
        week: '2026-W48',
        channel: 'slack-pdf',
      }),
    ).toMatchObject({ state: 'failed', attempts: 1 });
    clock.now = minutes(5);
    await catchUpSnapshots(deps, { retry: true });
    expect(pdfReplies(ts)).toHaveLength(1);
    expect(
      await deps.store.reports.delivery({
        clientId: 'acme',
        week: '2026-W48',
        channel: 'slack-pdf',
      }),
    ).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('is shared on the next try when Slack refused it, once', async () => {
    const clock = { now: SLOT_NY };
    const deps = bot(clock);
    // Slack refuses the PDF's upload (the chart's goes as usual: no answer set, the default).
    slack.responders.set(
      'files.getUploadURLExternal',
      (params) =>
        (String(params.filename).endsWith('.pdf')
          ? { ok: false, error: 'ratelimited' }
          : undefined) as Record<string, unknown>,
    );
    const week = await postClientSnapshot(deps, deps.config.clients[0]!, { slotTime: SLOT_NY });
    slack.responders.delete('files.getUploadURLExternal');
    expect(week.pdf).toBe('failed');
    const ts = (week as { ts: string }).ts;
    expect(pdfReplies(ts)).toHaveLength(0);
    clock.now = minutes(5);
    await catchUpSnapshots(deps, { retry: true });
    expect(pdfReplies(ts)).toHaveLength(1);
  });

  it('is not there without snapshot.pdf', async () => {
    const deps = bot({ now: SLOT_NY }, SNAPSHOT_YAML());
    const week = await postClientSnapshot(deps, deps.config.clients[0]!, { slotTime: SLOT_NY });
    expect(week.pdf).toBe('off');
    expect(inChannel()).toHaveLength(1);
  });
});
