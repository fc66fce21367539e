import { type ClientConfig, clientTimeZone } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import type { ClientSnapshot } from '../../domain/build-client-snapshot.ts';
import { isoWeek } from '../../domain/zoned-time.ts';
import { runExactlyOnce } from '../../scheduling/exactly-once.ts';
import type { ReportHold, StoredReport } from '../../store/report-store.ts';
import { composeClientSnapshot } from './compose.ts';
import { decodeReport, encodeReport } from './report-codec.ts';
import { weekChart } from './upload-chart.ts';

/** One client's report of one week, as every form shows it. */
export interface WeekReport {
  clientId: string;
  week: string;
  slotAt: Date;
  builtAt: Date;
  timeZone: string;
  snapshot: ClientSnapshot;
  chartPng: Buffer | undefined;
  chartDescribed: string;
  hold: ReportHold;
  approvedBy: string | undefined;
  approvedAt: Date | undefined;
  note: string | undefined;
}

/** Approved after its slot: it goes out late, and says so. */
export const approvedLate = (r: Pick<WeekReport, 'approvedAt' | 'slotAt'>): boolean =>
  !!r.approvedAt && r.approvedAt.getTime() > r.slotAt.getTime();

/** How long a claimed, unfinished build belongs to its builder (as a post's slot). */
export const REPORT_LEASE_MS = 15 * 60_000;

export const reportJob = (clientId: string) => `report:${clientId}`;

/**
 * The client's report of the week of `slotTime`: the one kept in the store,
 * or built now and kept. Built once per client and week whatever the number
 * of replicas, restarts and channels (a claim in the store): the Notion data
 * is read once (⌈items/100⌉ requests) and the Slack post, the e-mail, the PDF
 * and the link's page all show it. Undefined while another replica is
 * building it. `held`: kept as held for approval.
 */
export async function weekReport(
  deps: Deps,
  client: ClientConfig,
  slotTime: Date,
  { held = false }: { held?: boolean } = {},
): Promise<WeekReport | undefined> {
  const timeZone = clientTimeZone(deps.config, client);
  const week = isoWeek(slotTime, timeZone);
  const kept = await deps.store.reports.get(client.id, week);
  if (kept) return fromStore(kept);
  const run = await runExactlyOnce(
    deps,
    { job: reportJob(client.id), slot: week, leaseMs: REPORT_LEASE_MS },
    async () => {
      const { snapshot } = await composeClientSnapshot(deps, client, slotTime);
      const chart = await weekChart(deps, client.id, week, snapshot.points);
      await deps.store.reports.save({
        clientId: client.id,
        week,
        slotAt: slotTime,
        builtAt: deps.now(),
        timeZone,
        snapshot: encodeReport({ snapshot, chartDescribed: chart.described }),
        chart: chart.png.toString('base64'),
        hold: held ? 'held' : 'none',
        approvedBy: undefined,
        approvedAt: undefined,
        note: undefined,
      });
      return { value: undefined, result: 'built' };
    },
  );
  if (!run.ran && !run.slot?.completedAt) return undefined;
  const built = await deps.store.reports.get(client.id, week);
  return built && fromStore(built);
}

export function fromStore(r: StoredReport): WeekReport {
  const body = decodeReport(r.snapshot);
  return {
    clientId: r.clientId,
    week: r.week,
    slotAt: r.slotAt,
    builtAt: r.builtAt,
    timeZone: r.timeZone,
    snapshot: body.snapshot,
    chartPng: r.chart ? Buffer.from(r.chart, 'base64') : undefined,
    chartDescribed: body.chartDescribed,
    hold: r.hold,
    approvedBy: r.approvedBy,
    approvedAt: r.approvedAt,
    note: r.note,
  };
}
