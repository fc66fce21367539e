import type { ClientSnapshot } from '../../domain/build-client-snapshot.ts';

/**
 * A week's report as the store keeps it (client_reports.snapshot): the
 * snapshot as it was built, and the numbers its chart shows (for the chart's
 * alt text). JSON turns dates into ISO strings; decoding turns them back.
 */
export interface ReportBody {
  snapshot: ClientSnapshot;
  /** `2026-W47 55%, 2026-W48 62%` */
  chartDescribed: string;
}

const VERSION = 1;
/** The Date fields of ClientSnapshot and of its items. */
const DATES = new Set(['at', 'since', 'doneAt', 'createdTime', 'lastEditedTime']);

export function encodeReport(body: ReportBody): string {
  return JSON.stringify({ v: VERSION, ...body });
}

export function decodeReport(json: string): ReportBody {
  const raw = JSON.parse(json, (key, value: unknown) =>
    DATES.has(key) && typeof value === 'string' ? new Date(value) : value,
  ) as ReportBody & { v: number };
  if (raw.v !== VERSION) throw new Error(`stored report version ${raw.v}, expected ${VERSION}`);
  return { snapshot: raw.snapshot, chartDescribed: raw.chartDescribed };
}
