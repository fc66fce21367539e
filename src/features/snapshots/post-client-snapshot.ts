import { type ClientConfig, clientTimeZone } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { isoWeek } from '../../domain/zoned-time.ts';
import { runExactlyOnce } from '../../scheduling/exactly-once.ts';
import { composeClientSnapshot } from './compose.ts';
import { postSnapshotMessage } from './slack-post.ts';
import type { WaitOptions } from './upload-chart.ts';

export type PostOutcome =
  | { outcome: 'posted'; week: string; ts: string }
  | { outcome: 'already'; week: string; ts: string | undefined };

export interface PostOptions {
  /** The slot the post is for: the cron's minute, or now for Post now. */
  slotTime: Date;
  late?: boolean;
  /** How long to wait for Slack to process the chart (tests shorten it). */
  chartWait?: WaitOptions;
}

export const snapshotJob = (clientId: string) => `snapshot:${clientId}`;

/**
 * How long a claimed, unfinished slot belongs to its claimer. A post takes
 * seconds; a claim older than this means its replica died before posting (or,
 * rarely, between Slack's answer and recording it), and another replica's
 * retry may take the slot over while the week's grace window is open.
 */
export const SNAPSHOT_LEASE_MS = 15 * 60_000;

/**
 * The one way a snapshot reaches a client channel, exactly once per client
 * and ISO week: claim the slot first, post, then record the ts. A failure
 * before the post gives the slot back so a later attempt can run; a claim left
 * by a replica that died is taken over after SNAPSHOT_LEASE_MS.
 */
export async function postClientSnapshot(
  deps: Deps,
  client: ClientConfig,
  { slotTime, late = false, chartWait }: PostOptions,
): Promise<PostOutcome> {
  const timeZone = clientTimeZone(deps.config, client);
  const week = isoWeek(slotTime, timeZone);
  const job = snapshotJob(client.id);
  const log = deps.logger.child({ job, week });
  const run = await runExactlyOnce(
    deps,
    { job, slot: week, leaseMs: SNAPSHOT_LEASE_MS },
    async () => {
      try {
        const composed = await composeClientSnapshot(deps, client, slotTime);
        // Exactly once even when Slack is slow or fails: an earlier try of this
        // week may have landed (a timeout, a replica that died after posting), so
        // look first, and after any answer that leaves it open (postOnce).
        const posted = await postSnapshotMessage(
          deps,
          {
            client,
            week,
            snapshot: composed.snapshot,
            timeZone,
            late,
            since: new Date(slotTime.getTime() - 7 * 86_400_000),
            chartWait,
          },
          log,
        );
        if (posted.found)
          log.warn({ ts: posted.ts }, 'snapshot found already posted: not posted again');
        deps.health.ok('slack');
        return { value: { ts: posted.ts, snapshot: composed.snapshot }, result: posted.ts };
      } catch (error) {
        deps.metrics.jobs.inc({ job: 'snapshot', outcome: 'failed' });
        if ((error as { code?: string }).code?.startsWith('slack_'))
          deps.health.error('slack', (error as Error).message);
        throw error;
      }
    },
  );
  if (!run.ran) {
    deps.metrics.jobs.inc({ job: 'snapshot', outcome: 'skipped' });
    log.info({ owner: run.slot?.owner }, 'snapshot already posted (or being posted) this week');
    return { outcome: 'already', week, ts: run.slot?.result };
  }
  const { ts, snapshot } = run.value;
  const now = deps.now();
  await deps.store.snapshots.record({
    clientId: client.id,
    week,
    postedAt: now,
    pointsDone: snapshot.points.done,
    pointsTotal: snapshot.points.total,
    countDone: snapshot.count.done,
    countTotal: snapshot.count.total,
    ts,
  });
  deps.metrics.jobs.inc({ job: 'snapshot', outcome: 'run' });
  log.info({ ts, late }, 'snapshot posted');
  return { outcome: 'posted', week, ts };
}
