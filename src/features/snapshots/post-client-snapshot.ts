import { type ClientConfig, clientTimeZone } from '../../config.ts';
import { isoWeek } from '../../domain/zoned-time.ts';
import { renderSnapshotPdf } from '../reports/index.ts';
import { type EmailOutcome, emailWeekReport, type MailDeps } from './email-report.ts';
import { previewHeld } from './hold.ts';
import { type PdfOutcome, pdfInThread } from './pdf-reply.ts';
import { already, type PostOptions, type PostOutcome, postWeekReport } from './post-week-report.ts';
import { weekDue } from './week-due.ts';
import { approvedLate, fromStore, type WeekReport, weekReport } from './week-report.ts';

export {
  type PostOptions,
  type PostOutcome,
  SNAPSHOT_LEASE_MS,
  snapshotJob,
} from './post-week-report.ts';

/** The Slack post's outcome, the PDF's in its thread, and the e-mail's, which goes on on its own. */
export type WeekOutcome = PostOutcome & { pdf: PdfOutcome; email: Promise<EmailOutcome> };

const NOTHING: Promise<EmailOutcome> = Promise.resolve({ outcome: 'not-mine' });

/**
 * A client's week, every way it goes out, each exactly once per client and
 * ISO week: the report (read from Notion once, kept in the store), then the
 * Slack post (with the PDF in its thread when `snapshot.pdf`) and the e-mail
 * side by side. Neither waits for the other: a slow or failing SMTP server
 * never holds the post back, nor a failing Slack the e-mail (it goes on,
 * tracked for shutdown; `email` settles when it is done). A Slack failure is
 * thrown, as before, once the report is built.
 */
export async function postClientSnapshot(
  deps: MailDeps,
  client: ClientConfig,
  options: PostOptions,
): Promise<WeekOutcome> {
  const week = isoWeek(options.slotTime, clientTimeZone(deps.config, client));
  // Everything out already (a second Post now, the retry run): nothing to read.
  const due = await weekDue(deps, client, week);
  const posted = due.slack?.completedAt ? due.slack : undefined;
  if (posted && !due.email && !due.pdf)
    return {
      ...already(deps, client, week, posted.owner, posted.result),
      pdf: 'not-mine',
      email: NOTHING,
    };
  let report: WeekReport | undefined;
  try {
    report = await weekReport(deps, client, options.slotTime, { held: client.snapshot.hold });
    if (report?.hold === 'held') report = await released(deps, client, report, options);
  } catch (error) {
    deps.metrics.jobs.inc({ job: 'snapshot', outcome: 'failed' });
    throw error;
  }
  // Another replica is building this week's report, and will send it.
  if (!report)
    return {
      ...already(deps, client, week, undefined, undefined),
      pdf: 'not-mine',
      email: NOTHING,
    };
  // Held for approval, or never approved in time: nothing reaches the client.
  if (report.hold === 'held' || report.hold === 'expired')
    return { outcome: report.hold, week, ts: undefined, pdf: 'not-mine', email: NOTHING };
  const pdf = pdfOnce(deps, report);
  const graceEnd = new Date(report.slotAt.getTime() + client.snapshot.graceHours * 3_600_000);
  const email = due.email
    ? deps.lifecycle.track(
        emailWeekReport(deps, client, report, { pdf, graceEnd }).catch(
          (error: unknown): EmailOutcome => {
            deps.logger.error({ err: error, client: client.id, week }, 'snapshot e-mail failed');
            return { outcome: 'failed', error: (error as Error).message, nextAt: undefined };
          },
        ),
      )
    : NOTHING;
  const slack = posted
    ? already(deps, client, week, posted.owner, posted.result)
    : await postWeekReport(deps, client, report, options);
  const thread =
    slack.ts && (slack.outcome === 'posted' || due.pdf)
      ? await pdfInThread(deps, client, report, { ts: slack.ts, pdf, graceEnd }).catch(
          (error: unknown): PdfOutcome => {
            deps.logger.error({ err: error, client: client.id, week }, 'snapshot PDF failed');
            return 'failed';
          },
        )
      : 'not-mine';
  return { ...slack, pdf: thread, email };
}

/**
 * A held week at its slot: previewed to the admins if it was not yet (the
 * preview time passed while the bot was down, or previewBefore is 0s), and
 * left held; or approved by the admin who pressed Post now.
 */
async function released(
  deps: MailDeps,
  client: ClientConfig,
  report: WeekReport,
  { approvedBy }: PostOptions,
): Promise<WeekReport | undefined> {
  if (!approvedBy) {
    await previewHeld(deps, client, report.slotAt);
    return report;
  }
  await deps.store.reports.approve(client.id, report.week, approvedBy, undefined, deps.now());
  const kept = await deps.store.reports.get(client.id, report.week);
  return kept && fromStore(kept);
}

/** The report's PDF, made once however many ways use it (the e-mail, the thread). */
function pdfOnce(deps: MailDeps, report: WeekReport): () => Promise<Buffer> {
  let pdf: Promise<Buffer> | undefined;
  return () =>
    (pdf ??= renderSnapshotPdf(report.snapshot, {
      locale: deps.config.locale,
      timeZone: report.timeZone,
      week: report.week,
      chartPng: report.chartPng,
      note: report.note,
      late: approvedLate(report),
    }));
}
