import type { ClientConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import type { Routes } from '../../http/server.ts';
import {
  type LoadedReport,
  REPORT_ROUTE_KEY,
  reportRoute,
  signReportToken,
} from '../reports/index.ts';
import { approvedLate, fromStore, type WeekReport } from './week-report.ts';

/**
 * The report behind a link, from the store: what was built for that client
 * and week, never a new Notion read, so a link opened a hundred times costs a
 * store read each. Nothing while the report is held for approval, or was
 * never approved (PRODUCT.md: nothing reaches the client before approval).
 */
export async function linkedReport(
  deps: Pick<Deps, 'store' | 'config'>,
  clientId: string,
  week: string,
): Promise<LoadedReport | undefined> {
  if (!deps.config.clients.some((c) => c.id === clientId)) return undefined;
  const kept = await deps.store.reports.get(clientId, week);
  if (!kept || kept.hold === 'held' || kept.hold === 'expired') return undefined;
  const report = fromStore(kept);
  return {
    snapshot: report.snapshot,
    timeZone: report.timeZone,
    locale: deps.config.locale,
    chartPng: report.chartPng,
    note: report.note,
    late: approvedLate(report),
  };
}

/**
 * `PUBLIC_URL/r/<token>` of a week's report when links are on (PUBLIC_URL
 * and REPORT_SECRET), working for `snapshot.linkExpiresAfter` from when the
 * report was built: the same URL every time it is made, in the post and in
 * the e-mail alike.
 */
export function reportLink(
  deps: Pick<Deps, 'config'>,
  client: Pick<ClientConfig, 'snapshot'>,
  report: Pick<WeekReport, 'clientId' | 'week' | 'builtAt'>,
): string | undefined {
  const { PUBLIC_URL, REPORT_SECRET } = deps.config.env;
  if (!PUBLIC_URL || !REPORT_SECRET) return undefined;
  const token = signReportToken(REPORT_SECRET, {
    clientId: report.clientId,
    week: report.week,
    expiresAt: new Date(report.builtAt.getTime() + client.snapshot.linkExpiresAfter),
  });
  return `${PUBLIC_URL.replace(/\/+$/, '')}/r/${token}`;
}

/** `GET /r/<token>` and `/r/<token>.pdf`, served from the store, when REPORT_SECRET is set. */
export function reportRoutes(deps: Deps): Routes {
  const secret = deps.config.env.REPORT_SECRET;
  if (!secret) return {};
  return {
    [REPORT_ROUTE_KEY]: reportRoute({
      secret,
      now: deps.now,
      logger: deps.logger,
      load: (clientId, week) => linkedReport(deps, clientId, week),
    }),
  };
}
