import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClientSnapshot } from '../../domain/build-client-snapshot.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { Logger } from '../../log.ts';
import { renderSnapshotHtml } from './html.ts';
import { verifyReportToken } from './link-token.ts';
import { renderSnapshotPdf } from './pdf.ts';

/** Mount as `GET /r/*` (src/http/server.ts: a key ending in `/*` takes the paths under it). */
export const REPORT_ROUTE_KEY = 'GET /r/*';

export interface LoadedReport {
  snapshot: ClientSnapshot;
  timeZone: string;
  locale: Locale;
  chartPng?: Buffer | undefined;
  /** The approver's note (a held report). */
  note?: string | undefined;
  /** Approved after its slot, so sent late. */
  late?: boolean | undefined;
}

export interface ReportRouteOptions {
  /** REPORT_SECRET. */
  secret: string;
  /** The client's report of that week; undefined when there is none (unknown client, held, not sent). */
  load: (clientId: string, week: string) => Promise<LoadedReport | undefined>;
  now?: () => Date;
  logger?: Logger | undefined;
}

const PATH = /^\/r\/([A-Za-z0-9_-]{1,200}\.[A-Za-z0-9_-]{43})(\.pdf)?$/;

/** Every answer: private, never stored or indexed, and the token never leaves in a Referer. */
const COMMON = {
  'cache-control': 'private, no-store',
  'x-robots-tag': 'noindex, nofollow',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
};

/** One answer for every kind of miss, so a guesser learns nothing from it. */
function notFound(res: ServerResponse): void {
  res.writeHead(404, { ...COMMON, 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
}

/**
 * `GET /r/<token>`: the client's snapshot as a read-only page;
 * `GET /r/<token>.pdf`: the same as a PDF. The token names the client and
 * week (link-token.ts); a malformed, tampered or expired token, an unknown
 * client or week, any other method or path is the same 404.
 */
export function reportRoute(options: ReportRouteOptions) {
  const now = options.now ?? (() => new Date());
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const match = req.method === 'GET' ? PATH.exec(path) : null;
    const link = match?.[1] ? verifyReportToken(options.secret, match[1], now()) : undefined;
    if (!match || !link) return notFound(res);
    let report: LoadedReport | undefined;
    try {
      report = await options.load(link.clientId, link.week);
    } catch (error) {
      // The token was good: say "try later", not "no such report", and nothing about why.
      options.logger?.error(
        { err: error, clientId: link.clientId, week: link.week },
        'report link: load failed',
      );
      res.writeHead(503, {
        ...COMMON,
        'content-type': 'text/plain; charset=utf-8',
        'retry-after': '60',
      });
      res.end('Temporarily unavailable\n');
      return;
    }
    if (!report) return notFound(res);
    const form = {
      locale: report.locale,
      timeZone: report.timeZone,
      week: link.week,
      note: report.note,
      late: report.late,
    };
    if (match[2]) {
      const pdf = await renderSnapshotPdf(report.snapshot, { ...form, chartPng: report.chartPng });
      res.writeHead(200, {
        ...COMMON,
        'content-type': 'application/pdf',
        'content-length': pdf.length,
        'content-disposition': `inline; filename="${link.clientId}-${link.week}.pdf"`,
      });
      res.end(pdf);
      return;
    }
    const html = renderSnapshotHtml(report.snapshot, {
      ...form,
      chartPngBase64: report.chartPng?.toString('base64'),
    });
    res.writeHead(200, {
      ...COMMON,
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
    });
    res.end(html);
  };
}
