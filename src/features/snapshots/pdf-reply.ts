import type { ClientConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { snapshotCopy } from '../../i18n/snapshots.ts';
import type { DeliveryKey } from '../../store/report-store.ts';
import { failDelivery } from './deliveries.ts';
import type { WeekReport } from './week-report.ts';

export const PDF_CHANNEL = 'slack-pdf';
export const PDF_LEASE_MS = 10 * 60_000;

export type PdfOutcome = 'off' | 'sent' | 'found' | 'not-mine' | 'failed';

/** The PDF's file name, in Slack and attached to the e-mail: `acme-2026-W48.pdf`. */
export const pdfFileName = (clientId: string, week: string) => `${clientId}-${week}.pdf`;

/**
 * The week's PDF as a reply in the snapshot post's thread (`snapshot.pdf:
 * true`), once: the delivery is claimed in the store, the thread is looked
 * at first for a file of that name (an earlier try whose answer was lost may
 * have shared it: files.completeUploadExternal is not idempotent), and only
 * then is the file uploaded and shared into the thread. A failure is tried
 * again later within the grace window; it never touches the post.
 */
export async function pdfInThread(
  deps: Deps,
  client: ClientConfig,
  report: WeekReport,
  { ts, pdf, graceEnd }: { ts: string; pdf: () => Promise<Buffer>; graceEnd: Date },
): Promise<PdfOutcome> {
  if (!client.snapshot.pdf) return 'off';
  const key: DeliveryKey = { clientId: client.id, week: report.week, channel: PDF_CHANNEL };
  const log = deps.logger.child({ client: client.id, week: report.week, channel: PDF_CHANNEL });
  if (!(await deps.store.reports.claimDelivery(key, deps.instanceId, deps.now(), PDF_LEASE_MS)))
    return 'not-mine';
  const filename = pdfFileName(client.id, report.week);
  try {
    const replies = await deps.slack.conversations.replies({
      channel: client.channel,
      ts,
      limit: 200,
    });
    const shared = (replies.messages ?? [])
      .flatMap((m) => (m as { files?: Array<{ id?: string; name?: string }> }).files ?? [])
      .find((f) => f.name === filename);
    if (shared) {
      await deps.store.reports.completeDelivery(key, deps.instanceId, deps.now(), shared.id);
      log.warn({ file: shared.id }, 'snapshot PDF found already in the thread: not shared again');
      return 'found';
    }
    const uploaded = await (deps.slackPost ?? deps.slack).filesUploadV2({
      channel_id: client.channel,
      thread_ts: ts,
      file: await pdf(),
      filename,
      title: snapshotCopy(deps.config.locale).pdfTitle(client.name, report.week),
    });
    const file = (uploaded.files[0] as { files?: Array<{ id?: string }> } | undefined)?.files?.[0];
    await deps.store.reports.completeDelivery(key, deps.instanceId, deps.now(), file?.id);
    deps.health.ok('slack');
    log.info({ file: file?.id }, 'snapshot PDF shared in the thread');
    return 'sent';
  } catch (error) {
    const reason = (error as Error).message;
    const { nextAt } = await failDelivery(deps, key, reason, graceEnd);
    deps.health.error('slack', `${client.id} PDF: ${reason}`);
    log.error({ err: error, nextAt }, 'snapshot PDF could not be shared in the thread');
    return 'failed';
  }
}
