import { createRequire } from 'node:module';
import type { SendMailOptions, Transporter } from 'nodemailer';

// Nodemailer is required when a mailer is made (SMTP_URL set), not at start-up.
const requireLazily = createRequire(import.meta.url);

import type { ClientSnapshot } from '../../domain/build-client-snapshot.ts';
import type { Locale } from '../../i18n/locale.ts';
import { reportCopy } from '../../i18n/reports.ts';
import { CHART_CID, renderSnapshotEmailHtml } from './html.ts';
import { type ReportContent, reportContent } from './report-content.ts';

/**
 * The weekly snapshot as one e-mail per client and week (issue 23): an HTML
 * part (html.ts), a plain-text part, the PDF attached, the chart inline as
 * `cid:chart@gigops`, a List-Unsubscribe header and a note on how to stop.
 * Its Message-ID is made from the client and the week, so sending it again
 * (a retry, a restart) repeats the same message rather than making a new one;
 * sending it once is the caller's bookkeeping.
 */
export interface SnapshotEmailOptions {
  locale: Locale;
  timeZone: string;
  /** ISO week key; default: the week of `snapshot.at`. */
  week?: string | undefined;
  /** EMAIL_FROM: `reports@example.com` or `Jane <jane@example.com>`. */
  from: string;
  /** clients[].email */
  to: readonly string[];
  chartPng?: Buffer | undefined;
  pdf?: Buffer | undefined;
  /** The report's page, `PUBLIC_URL/r/<token>`, when links are on. */
  link?: string | undefined;
  /** How to stop these e-mails; default: reply to the sender. */
  unsubscribeNote?: string | undefined;
  /** The approver's note (a held report), shown under the title. */
  note?: string | undefined;
  /** Sent after its slot (approved late): said under the title. */
  late?: boolean | undefined;
}

/** The bare address of `Name <addr>` or `addr`. */
export function senderAddress(from: string): string {
  const angle = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from);
  return (angle?.[1] ?? from).trim();
}

/** `<snapshot.acme.2026-W48@example.com>`: the same for every send of one client's week. */
export function snapshotMessageId(clientId: string, week: string, from: string): string {
  const domain = senderAddress(from).split('@').pop() ?? '';
  const host = /^[A-Za-z0-9.-]+$/.test(domain) ? domain.toLowerCase() : 'gigops.invalid';
  return `<snapshot.${clientId}.${week}@${host}>`;
}

/** The plain-text part: the same lines as the HTML, for clients that show text only. */
export function renderSnapshotText(
  c: ReportContent,
  notes: { link?: string | undefined; linkLine: string; attached?: string; unsubscribe: string },
): string {
  const out = [c.title, `${c.weekLabel} · ${c.asOf}`, ...c.notices, ''];
  const section = (sec: ReportContent['sections'][number]) => {
    out.push(sec.heading);
    if (sec.empty) out.push(`  ${sec.empty}`);
    for (const line of sec.lines) {
      const details = [...line.details, ...(line.pr ? [line.pr] : [])].join(' · ');
      out.push(`- ${line.title}${details ? ` (${details})` : ''}`);
    }
    if (sec.more) out.push(`  ${sec.more}`);
    out.push('');
  };
  const [first, ...rest] = c.sections;
  if (first?.kind === 'blockers') section(first);
  out.push(c.completion.heading);
  for (const bar of c.completion.bars) out.push(`  ${bar.label} · ${bar.by}: ${bar.percent}`);
  out.push('');
  for (const sec of first?.kind === 'blockers' ? rest : c.sections) section(sec);
  out.push(c.since);
  if (notes.link) out.push(`${notes.linkLine} ${notes.link}`);
  if (c.notion) out.push(`${c.notion.label}: ${c.notion.url}`);
  if (notes.attached) out.push(notes.attached);
  out.push('', '-- ', notes.unsubscribe, '');
  return out.join('\n');
}

export function buildSnapshotEmail(s: ClientSnapshot, o: SnapshotEmailOptions): SendMailOptions {
  const copy = reportCopy(o.locale);
  const c = reportContent(s, o);
  const sender = senderAddress(o.from);
  const unsubscribe = o.unsubscribeNote ?? copy.unsubscribe(sender);
  const attached = o.pdf ? copy.attached : undefined;
  const attachments: NonNullable<SendMailOptions['attachments']> = [];
  if (o.pdf)
    attachments.push({
      filename: `${s.clientId}-${c.week}.pdf`,
      content: o.pdf,
      contentType: 'application/pdf',
    });
  if (o.chartPng)
    attachments.push({
      filename: 'chart.png',
      content: o.chartPng,
      contentType: 'image/png',
      cid: CHART_CID,
      contentDisposition: 'inline',
    });
  return {
    from: o.from,
    to: [...o.to],
    subject: copy.subject(c.clientName, c.weekLabel, c.percentDone),
    messageId: snapshotMessageId(s.clientId, c.week, o.from),
    list: { unsubscribe: { url: `mailto:${sender}?subject=unsubscribe`, comment: unsubscribe } },
    // RFC 3834: vacation and other auto-replies leave it alone.
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Gigops-Report': `${s.clientId} ${c.week}` },
    text: renderSnapshotText(c, {
      link: o.link,
      linkLine: copy.linkLine,
      ...(attached ? { attached } : {}),
      unsubscribe,
    }),
    html: renderSnapshotEmailHtml(s, {
      locale: o.locale,
      timeZone: o.timeZone,
      week: c.week,
      note: o.note,
      late: o.late,
      chart: o.chartPng !== undefined,
      link: o.link,
      unsubscribeNote: unsubscribe,
      attachedNote: attached,
    }),
    attachments,
  };
}

/**
 * Nodemailer's SMTP transport from SMTP_URL (`smtp://user:pass@host:port`
 * or `smtps://…`), pooled: one or two connections reused across the week's
 * clients instead of a handshake per e-mail. Close it on shutdown.
 */
export function createSnapshotMailer(smtpUrl: string): Transporter {
  const nodemailer = requireLazily('nodemailer') as typeof import('nodemailer');
  return nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}

export interface SentEmail {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

/** Hands the message to the SMTP server; a failure rejects, for the caller to retry (same Message-ID). */
export async function sendSnapshotEmail(
  transport: Pick<Transporter, 'sendMail'>,
  message: SendMailOptions,
): Promise<SentEmail> {
  const info = await transport.sendMail(message);
  const addresses = (list: unknown) =>
    (Array.isArray(list) ? list : []).map((a) => (typeof a === 'string' ? a : String(a.address)));
  return {
    messageId: String(info.messageId),
    accepted: addresses(info.accepted),
    rejected: addresses(info.rejected),
  };
}
