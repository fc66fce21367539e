import type { ClientConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { snapshotCopy } from '../../i18n/snapshots.ts';
import type { Logger } from '../../log.ts';
import { type Posted, postOnce, refusedSlackFile } from '../../slack/post-once.ts';
import { chartBlock, renderClientSnapshot, type SnapshotChartImage } from './snapshot-blocks.ts';
import { uploadPrivateImage, type WaitOptions, waitUntilProcessed } from './upload-chart.ts';
import type { WeekReport } from './week-report.ts';

/** The metadata event type marking a snapshot post (its id: `client:week`). */
export const SNAPSHOT_MARKER = 'gigops_snapshot';
/** The chart's reply in the post's thread, when it could not sit inside the post. */
export const CHART_MARKER = 'gigops_snapshot_chart';

export interface SlackPostInput {
  client: ClientConfig;
  report: WeekReport;
  late: boolean | 'approval';
  /** The earliest this week's post can have been made. */
  since: Date;
  /** The report's link, when links are on. */
  link?: string | undefined;
  /** How long to wait for Slack to process the chart (default: about 8 s). */
  chartWait?: WaitOptions | undefined;
}

type SlackPostDeps = Pick<Deps, 'config' | 'slack' | 'slackPost' | 'health'>;

/**
 * The week's one top-level message in the client channel (PRODUCT.md: one
 * snapshot, one post): the chart is uploaded privately first and shown by an
 * image block inside the post. When Slack has not processed it in time, or
 * refuses it, the post goes without it and the chart follows in the post's
 * thread; a chart that fails altogether never holds the post back.
 */
export async function postSnapshotMessage(
  deps: SlackPostDeps,
  input: SlackPostInput,
  log: Logger,
): Promise<Posted> {
  const { client, report, late } = input;
  const { week, snapshot, timeZone } = report;
  const chart = await uploadChart(deps, input).catch((error: unknown) => {
    log.warn({ err: error }, 'snapshot chart upload failed: posting without it');
    return undefined;
  });
  const post = (image: SnapshotChartImage | undefined) =>
    postOnce({
      poster: deps.slackPost ?? deps.slack,
      reader: deps.slack,
      channel: client.channel,
      marker: { type: SNAPSHOT_MARKER, id: `${client.id}:${week}` },
      since: input.since,
      lookFirst: true,
      message: {
        ...renderClientSnapshot(snapshot, {
          locale: deps.config.locale,
          timeZone,
          late,
          note: report.note,
          chart: image,
          link: input.link,
        }),
        unfurl_links: false,
      },
    });
  let inline = chart?.ready ? chart.image : undefined;
  let posted: Posted;
  try {
    posted = await post(inline);
  } catch (error) {
    if (!inline || !refusedSlackFile(error)) throw error;
    log.warn({ err: error }, 'Slack refused the chart inside the post: posting without it');
    inline = undefined;
    posted = await post(undefined);
  }
  if (chart && !inline && !posted.found) {
    await chartInThread(deps, input, chart.image, posted.ts).catch((error: unknown) =>
      log.warn({ err: error }, 'snapshot chart could not follow in the thread'),
    );
  }
  return posted;
}

async function uploadChart(
  deps: SlackPostDeps,
  { client, report, chartWait }: SlackPostInput,
): Promise<{ image: SnapshotChartImage; ready: boolean } | undefined> {
  if (!report.chartPng) return undefined;
  const copy = snapshotCopy(deps.config.locale);
  const title = copy.chartTitle(client.name);
  const alt = copy.chartAlt(client.name, report.chartDescribed);
  const filename = `${client.id}-${report.week}-completion.png`;
  const uploaded = await uploadPrivateImage(
    deps,
    { png: report.chartPng, filename, title, alt },
    chartWait,
  );
  deps.health.ok('slack');
  return { image: { fileId: uploaded.fileId, title, alt }, ready: uploaded.ready };
}

/** The chart as a reply under the post, once Slack has processed it (looked for first). */
async function chartInThread(
  deps: SlackPostDeps,
  { client, report, since, chartWait }: SlackPostInput,
  image: SnapshotChartImage,
  threadTs: string,
): Promise<void> {
  // Longer than before the post: the post is out, only the chart is waiting.
  const wait = { looks: 8, pauseMs: 500, ...chartWait };
  if (!(await waitUntilProcessed(deps.slack, image.fileId, wait)))
    throw new Error(`Slack has not processed the chart ${image.fileId} yet`);
  await postOnce({
    poster: deps.slackPost ?? deps.slack,
    reader: deps.slack,
    channel: client.channel,
    threadTs,
    marker: { type: CHART_MARKER, id: `${client.id}:${report.week}` },
    since,
    lookFirst: true,
    message: { text: image.title, blocks: [chartBlock(image)] },
  });
}
