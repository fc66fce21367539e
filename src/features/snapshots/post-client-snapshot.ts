import { type ClientConfig, clientTimeZone } from '../../config.ts';
import { isoWeek } from '../../domain/zoned-time.ts';
import { renderSnapshotPdf } from '../reports/index.ts';
import {
  deliveryDue,
  EMAIL_CHANNEL,
  EMAIL_LEASE_MS,
  type EmailOutcome,
  emailOn,
  emailWeekReport,
  type MailDeps,
} from './email-report.ts';
import {
  already,
  type PostOptions,
  type PostOutcome,
  postWeekReport,
  snapshotJob,
} from './post-week-report.ts';
import { type WeekReport, weekReport } from './week-report.ts';

export {
  type PostOptions,
  type PostOutcome,
  SNAPSHOT_LEASE_MS,
  snapshotJob,
} from './post-week-report.ts';

/** The Slack post's outcome, and the e-mail's, which goes on on its own. */
export type WeekOutcome = PostOutcome & { email: Promise<EmailOutcome> };

const NOTHING: Promise<EmailOutcome> = Promise.resolve({ outcome: 'not-mine' });

/**
 * A client's week, every way it goes out, each exactly once per client and
 * ISO week: the report (read from Notion once, kept in the store), then the
 * Slack post and the e-mail side by side. Neither waits for the other: a slow
 * or failing SMTP server never holds the post back, nor a failing Slack the
 * e-mail (it goes on, tracked for shutdown; `email` settles when it is done).
 * A Slack failure is thrown, as before, once the report is built.
 */
export async function postClientSnapshot(
  deps: MailDeps,
  client: ClientConfig,
  options: PostOptions,
): Promise<WeekOutcome> {
  const week = isoWeek(options.slotTime, clientTimeZone(deps.config, client));
  // Posted and e-mailed already (a second Post now, the retry run): nothing to read.
  const slot = await deps.store.jobs.getSlot(snapshotJob(client.id), week);
  const emailKey = { clientId: client.id, week, channel: EMAIL_CHANNEL };
  const emailDue = emailOn(deps, client) && (await deliveryDue(deps, emailKey, EMAIL_LEASE_MS));
  if (slot?.completedAt && !emailDue)
    return { ...already(deps, client, week, slot.owner, slot.result), email: NOTHING };
  let report: WeekReport | undefined;
  try {
    report = await weekReport(deps, client, options.slotTime);
  } catch (error) {
    deps.metrics.jobs.inc({ job: 'snapshot', outcome: 'failed' });
    throw error;
  }
  // Another replica is building this week's report, and will send it.
  if (!report) return { ...already(deps, client, week, undefined, undefined), email: NOTHING };
  const forms = reportForms(deps, report);
  const graceEnd = new Date(options.slotTime.getTime() + client.snapshot.graceHours * 3_600_000);
  const email = emailDue
    ? deps.lifecycle.track(
        emailWeekReport(deps, client, report, { pdf: forms.pdf, graceEnd }).catch(
          (error: unknown): EmailOutcome => {
            deps.logger.error({ err: error, client: client.id, week }, 'snapshot e-mail failed');
            return { outcome: 'failed', error: (error as Error).message, nextAt: undefined };
          },
        ),
      )
    : NOTHING;
  const slack = slot?.completedAt
    ? already(deps, client, week, slot.owner, slot.result)
    : await postWeekReport(deps, client, report, options);
  return { ...slack, email };
}

/** The forms made from one report, each made once however many channels use it. */
function reportForms(deps: MailDeps, report: WeekReport) {
  let pdf: Promise<Buffer> | undefined;
  return {
    pdf: () =>
      (pdf ??= renderSnapshotPdf(report.snapshot, {
        locale: deps.config.locale,
        timeZone: report.timeZone,
        week: report.week,
        chartPng: report.chartPng,
      })),
  };
}
