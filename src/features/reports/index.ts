/**
 * Client reports (issue 23): the weekly snapshot as a PDF, a read-only web
 * page behind a signed link, and an e-mail. Building blocks only: the
 * snapshot job wires them in (exactly once per client and week, hold and
 * approve) later.
 */
export {
  buildSnapshotEmail,
  createSnapshotMailer,
  renderSnapshotText,
  type SentEmail,
  type SnapshotEmailOptions,
  senderAddress,
  sendSnapshotEmail,
  snapshotMessageId,
} from './email.ts';
export {
  CHART_CID,
  type EmailHtmlOptions,
  escapeHtml,
  type HtmlOptions,
  renderSnapshotEmailHtml,
  renderSnapshotHtml,
} from './html.ts';
export {
  REPORT_LINK_DAYS,
  type ReportLink,
  reportLinkExpiry,
  signReportToken,
  verifyReportToken,
} from './link-token.ts';
export { type PdfOptions, renderSnapshotPdf } from './pdf.ts';
export {
  type LoadedReport,
  REPORT_ROUTE_KEY,
  type ReportRouteOptions,
  reportRoute,
} from './report-route.ts';
