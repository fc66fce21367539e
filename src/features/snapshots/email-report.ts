import type { Transporter } from 'nodemailer';
import type { ClientConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import type { DeliveryKey } from '../../store/report-store.ts';
import { buildSnapshotEmail, sendSnapshotEmail } from '../reports/index.ts';
import { failDelivery } from './deliveries.ts';
import { reportLink } from './report-link.ts';
import { approvedLate, type WeekReport } from './week-report.ts';

/** The pooled SMTP transport (reports/email.ts), when SMTP_URL and EMAIL_FROM are set. */
export type Mailer = Pick<Transporter, 'sendMail'>;
export type MailDeps = Deps & { mailer?: Mailer | undefined };

export const EMAIL_CHANNEL = 'email';
/** Longer than an SMTP exchange can last (the transport's socket timeout is 60 s). */
export const EMAIL_LEASE_MS = 10 * 60_000;

export type EmailOutcome =
  | { outcome: 'off' }
  | { outcome: 'sent'; messageId: string; rejected: string[] }
  /** Sent, being sent, or given up by this or another replica: nothing to do. */
  | { outcome: 'not-mine' }
  | { outcome: 'failed'; error: string; nextAt: Date | undefined };

export const emailOn = (deps: MailDeps, client: ClientConfig): boolean =>
  !!deps.mailer && !!deps.config.env.EMAIL_FROM && client.email.length > 0;

/**
 * The week's report by e-mail, exactly once per client and week: the
 * delivery is claimed in the store first (one replica, one try at a time),
 * recorded as sent with its Message-ID once the SMTP server took it, or as
 * failed with the time of the next try (5, 10, 20… minutes later) while the
 * grace window lasts, then given up. The Message-ID is made from the client
 * and week: a try that reached the server before its answer was lost is the
 * same message again, which mail systems recognise. A failure is logged and
 * shown in the App Home (integration health); it never touches the Slack post.
 */
export async function emailWeekReport(
  deps: MailDeps,
  client: ClientConfig,
  report: WeekReport,
  { pdf, graceEnd }: { pdf: () => Promise<Buffer>; graceEnd: Date },
): Promise<EmailOutcome> {
  const from = deps.config.env.EMAIL_FROM;
  if (!emailOn(deps, client) || !deps.mailer || !from) return { outcome: 'off' };
  const key: DeliveryKey = { clientId: client.id, week: report.week, channel: EMAIL_CHANNEL };
  const owner = deps.instanceId;
  const log = deps.logger.child({ client: client.id, week: report.week, channel: EMAIL_CHANNEL });
  if (!(await deps.store.reports.claimDelivery(key, owner, deps.now(), EMAIL_LEASE_MS)))
    return { outcome: 'not-mine' };
  try {
    const message = buildSnapshotEmail(report.snapshot, {
      locale: deps.config.locale,
      timeZone: report.timeZone,
      week: report.week,
      from,
      to: client.email,
      chartPng: report.chartPng,
      pdf: await pdf(),
      link: reportLink(deps, client, report),
      note: report.note,
      late: approvedLate(report),
    });
    const sent = await sendSnapshotEmail(deps.mailer, message);
    await deps.store.reports.completeDelivery(key, owner, deps.now(), sent.messageId);
    deps.health.ok('email');
    if (sent.rejected.length > 0) {
      const refused = `${client.id}: the SMTP server refused ${sent.rejected.join(', ')}`;
      deps.health.error('email', refused);
      log.warn({ rejected: sent.rejected }, 'snapshot e-mail refused for some recipients');
    }
    deps.metrics.jobs.inc({ job: 'snapshot-email', outcome: 'run' });
    log.info({ messageId: sent.messageId, to: sent.accepted.length }, 'snapshot e-mailed');
    return { outcome: 'sent', messageId: sent.messageId, rejected: sent.rejected };
  } catch (error) {
    const reason = (error as Error).message;
    const { attempts, nextAt } = await failDelivery(deps, key, reason, graceEnd);
    deps.health.error('email', `${client.id}: ${reason}`);
    deps.metrics.jobs.inc({ job: 'snapshot-email', outcome: 'failed' });
    log.error(
      { err: error, attempts, nextAt },
      nextAt
        ? 'snapshot e-mail failed: trying again later'
        : 'snapshot e-mail failed: given up, past the grace window',
    );
    return { outcome: 'failed', error: reason, nextAt };
  }
}
