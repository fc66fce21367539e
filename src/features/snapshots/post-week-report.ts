import type { ClientConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { runExactlyOnce } from '../../scheduling/exactly-once.ts';
import { reportLink } from './report-link.ts';
import { postSnapshotMessage } from './slack-post.ts';
import type { WaitOptions } from './upload-chart.ts';
import { approvedLate, type WeekReport } from './week-report.ts';

export type PostOutcome =
  | { outcome: 'posted'; week: string; ts: string }
  | { outcome: 'already'; week: string; ts: string | undefined }
  /** Held for approval (previewed to the admins), or never approved in time: nothing sent. */
  | { outcome: 'held' | 'expired'; week: string; ts: undefined };

export interface PostOptions {
  /** The slot the post is for: the cron's minute, or now for Post now. */
  slotTime: Date;
  late?: boolean;
  /** How long to wait for Slack to process the chart (tests shorten it). */
  chartWait?: WaitOptions;
  /** An admin's Post now: it approves a held week (and sends it). */
  approvedBy?: string;
}

export const snapshotJob = (clientId: string) => `snapshot:${clientId}`;

/**
 * How long a claimed, unfinished slot belongs to its claimer. A post takes
 * seconds; a claim older than this means its replica died before posting (or,
 * rarely, between Slack's answer and recording it), and another replica's
 * retry may take the slot over while the week's grace window is open.
 */
export const SNAPSHOT_LEASE_MS = 15 * 60_000;

/** The Slack post of a week's report, exactly once (the `snapshot:<client>` slot). */
export async function postWeekReport(
  deps: Deps,
  client: ClientConfig,
  report: WeekReport,
  { slotTime, late: offline = false, chartWait }: PostOptions,
): Promise<PostOutcome> {
  const { week } = report;
  const late = approvedLate(report) ? 'approval' : offline;
  const job = snapshotJob(client.id);
  const log = deps.logger.child({ job, week });
  const run = await runExactlyOnce(
    deps,
    { job, slot: week, leaseMs: SNAPSHOT_LEASE_MS },
    async () => {
      try {
        // Exactly once even when Slack is slow or fails: an earlier try of this
        // week may have landed (a timeout, a replica that died after posting), so
        // look first, and after any answer that leaves it open (postOnce).
        const posted = await postSnapshotMessage(
          deps,
          {
            client,
            report,
            late,
            since: new Date(slotTime.getTime() - 7 * 86_400_000),
            chartWait,
            link: reportLink(deps, client, report),
          },
          log,
        );
        if (posted.found)
          log.warn({ ts: posted.ts }, 'snapshot found already posted: not posted again');
        deps.health.ok('slack');
        return { value: posted.ts, result: posted.ts };
      } catch (error) {
        deps.metrics.jobs.inc({ job: 'snapshot', outcome: 'failed' });
        if ((error as { code?: string }).code?.startsWith('slack_'))
          deps.health.error('slack', (error as Error).message);
        throw error;
      }
    },
  );
  if (!run.ran) return already(deps, client, week, run.slot?.owner, run.slot?.result);
  const ts = run.value;
  const { snapshot } = report;
  await deps.store.snapshots.record({
    clientId: client.id,
    week,
    postedAt: deps.now(),
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

export function already(
  deps: Deps,
  client: ClientConfig,
  week: string,
  owner: string | undefined,
  ts: string | undefined,
): PostOutcome {
  deps.metrics.jobs.inc({ job: 'snapshot', outcome: 'skipped' });
  deps.logger
    .child({ job: snapshotJob(client.id), week })
    .info({ owner }, 'snapshot already posted (or being posted) this week');
  return { outcome: 'already', week, ts };
}
