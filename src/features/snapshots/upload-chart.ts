import type { WebClient } from '@slack/web-api';
import { renderCompletionChart } from '../../blocks/completion-chart.ts';
import type { Deps } from '../../deps.ts';
import { type Ratio, rate } from '../../domain/build-client-snapshot.ts';

const WEEKS = 8;

/** Completion by points over the last weeks the store has kept, this week last. */
export interface WeekChart {
  png: Buffer;
  /** `2026-W47 55%, 2026-W48 62%`: the numbers the picture shows, for its alt text. */
  described: string;
}

export async function weekChart(
  deps: Pick<Deps, 'store'>,
  clientId: string,
  week: string,
  points: Ratio,
): Promise<WeekChart> {
  const kept = (await deps.store.snapshots.history(clientId, WEEKS))
    .filter((h) => h.week < week)
    .slice(-(WEEKS - 1))
    .map((h) => ({ week: h.week, rate: h.pointsTotal > 0 ? h.pointsDone / h.pointsTotal : 0 }));
  const bars = [...kept, { week, rate: rate(points) }];
  return {
    png: renderCompletionChart(bars),
    described: bars.map((b) => `${b.week} ${Math.round(b.rate * 100)}%`).join(', '),
  };
}

export interface UploadedImage {
  fileId: string;
  /** Slack finished processing it: an image block may name it. */
  ready: boolean;
}

export interface WaitOptions {
  /** files.info looks at most (default 6). */
  looks?: number;
  /** Pause before the second look, doubling (default 250 ms: about 8 s in all). */
  pauseMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Uploads a PNG without sharing it anywhere (files.completeUploadExternal
 * without channel_id: private to the bot until a message shows it), so the
 * snapshot post itself can show it in an `image` block, one message instead
 * of a post and a file message. Slack processes an upload asynchronously and
 * refuses an image block naming a file still in processing, so this waits
 * (files.info until it has a mimetype, as Slack's SDK maintainers advise). A
 * retried upload makes one more private file, never a second message.
 */
export async function uploadPrivateImage(
  deps: Pick<Deps, 'slack' | 'slackPost'>,
  image: { png: Buffer; filename: string; title: string; alt: string },
  wait: WaitOptions = {},
): Promise<UploadedImage> {
  const uploaded = await (deps.slackPost ?? deps.slack).filesUploadV2({
    file: image.png,
    filename: image.filename,
    title: image.title,
    alt_text: image.alt,
  });
  const completion = uploaded.files[0] as { files?: Array<{ id?: string }> } | undefined;
  const fileId = completion?.files?.[0]?.id;
  if (!fileId) throw new Error('Slack completed the upload without a file id');
  return { fileId, ready: await waitUntilProcessed(deps.slack, fileId, wait) };
}

/** True once files.info shows the file processed (a mimetype), false after `looks` tries. */
export async function waitUntilProcessed(
  reader: WebClient,
  fileId: string,
  { looks = 6, pauseMs = 250 }: WaitOptions = {},
): Promise<boolean> {
  for (let look = 1; look <= looks; look++) {
    const info = await reader.files.info({ file: fileId }).catch(() => undefined);
    if (info?.file?.mimetype) return true;
    if (look < looks) await sleep(pauseMs * 2 ** (look - 1));
  }
  return false;
}
