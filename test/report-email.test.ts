import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildSnapshotEmail,
  createSnapshotMailer,
  sendSnapshotEmail,
} from '../src/features/reports/email.ts';
import { renderSnapshotPdf } from '../src/features/reports/pdf.ts';
import {
  chineseSnapshot,
  REPORT_ZONE,
  reportChart,
  smallSnapshot,
} from './support/report-snapshot.ts';

/** What a real SMTP server (smtp-server, in process on loopback) took in. */
interface Delivery {
  user: string | undefined;
  mailFrom: string;
  rcptTo: string[];
  raw: string;
  mail: ParsedMail;
}

const FROM = 'Jane Doe <reports@freelancer.example>';
let deliveries: Delivery[] = [];
let connections = 0;
let smtp: SMTPServer;
let mailer: Transporter;

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true, // loopback only
    authOptional: false,
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === 'bot' && auth.password === 'p@ss word') callback(null, { user: 'bot' });
      else callback(new Error('invalid credentials'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce@')) callback(new Error('no such mailbox'));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        // skipImageLinks: keep cid: as sent (mailparser would inline the image as data:).
        simpleParser(raw, { skipImageLinks: true }).then(
          (mail) => {
            deliveries.push({
              user: session.user as string | undefined,
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              rcptTo: session.envelope.rcptTo.map((r) => r.address),
              raw,
              mail,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const { port } = smtp.server.address() as AddressInfo;
  // SMTP_URL as an operator writes it, the password's @ and space percent-encoded.
  mailer = createSnapshotMailer(`smtp://bot:p%40ss%20word@127.0.0.1:${port}`);
});
afterAll(async () => {
  mailer.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});
beforeEach(() => {
  deliveries = [];
});

async function acmeMessage(to = ['cto@acme.example']) {
  const chartPng = reportChart();
  const options = { locale: 'en' as const, timeZone: REPORT_ZONE, chartPng };
  const pdf = await renderSnapshotPdf(smallSnapshot(), options);
  return {
    chartPng,
    message: buildSnapshotEmail(smallSnapshot(), {
      ...options,
      from: FROM,
      to,
      pdf,
      link: 'https://bot.freelancer.example/r/abc.def',
    }),
  };
}

describe('the snapshot by e-mail (issue 23)', () => {
  it('arrives once at a real SMTP server with both parts, the PDF, the inline chart and a Message-ID of client and week', async () => {
    const { message, chartPng } = await acmeMessage();
    const sent = await sendSnapshotEmail(mailer, message);
    expect(sent).toEqual({
      messageId: '<snapshot.acme.2026-W48@freelancer.example>',
      accepted: ['cto@acme.example'],
      rejected: [],
    });
    expect(deliveries).toHaveLength(1);
    const [{ user, mailFrom, rcptTo, raw, mail }] = deliveries as [Delivery];
    expect({ user, mailFrom, rcptTo }).toEqual({
      user: 'bot',
      mailFrom: 'reports@freelancer.example',
      rcptTo: ['cto@acme.example'],
    });
    expect(mail.messageId).toBe('<snapshot.acme.2026-W48@freelancer.example>');
    expect(mail.from?.value).toEqual([{ name: 'Jane Doe', address: 'reports@freelancer.example' }]);
    expect(mail.subject).toBe('ACME Corp: weekly snapshot Week 48, 2026, 69% complete overall');
    expect(raw).toMatch(
      /^List-Unsubscribe: <mailto:reports@freelancer\.example\?subject=unsubscribe>/m,
    );
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');

    expect(mail.text).toContain('Blockers (1)');
    expect(mail.text).toContain(
      '- Staging database access (owner Dana · needs VPN credentials from ACME IT · no update for 4 days)',
    );
    expect(mail.text).toContain('  18 of 26 points · by points: 69%');
    expect(mail.text).toContain('Open it in a browser: https://bot.freelancer.example/r/abc.def');
    expect(mail.text).toContain('To stop it, reply to reports@freelancer.example and say so.');
    expect(mail.html).toContain('<img src="cid:chart@gigops"');
    expect(mail.html).toContain('18 of 26 points · by points');
    expect(mail.html).not.toMatch(/<script/i);

    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toBe('acme-2026-W48.pdf');
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');
    const image = mail.attachments.find((a) => a.contentType === 'image/png');
    expect(image).toMatchObject({ cid: 'chart@gigops', contentDisposition: 'inline' });
    expect(image?.content.equals(chartPng)).toBe(true);
    expect(mail.attachments).toHaveLength(2);
  });

  it('is the same message when sent again (a retry): the same Message-ID, for the reader’s mail client to fold', async () => {
    const first = await acmeMessage();
    const again = await acmeMessage();
    const opened = connections;
    await sendSnapshotEmail(mailer, first.message);
    await sendSnapshotEmail(mailer, again.message);
    expect(deliveries.map((d) => d.mail.messageId)).toEqual([
      '<snapshot.acme.2026-W48@freelancer.example>',
      '<snapshot.acme.2026-W48@freelancer.example>',
    ]);
    expect(deliveries[0]!.mail.text).toBe(deliveries[1]!.mail.text);
    // Pooled: both went over one connection (the first test's, or one opened here).
    expect(connections - opened).toBeLessThanOrEqual(1);
  });

  it('reports which addresses the server refused, and rejects when it refuses them all, so the caller can retry', async () => {
    const { message } = await acmeMessage(['cto@acme.example', 'bounce@acme.example']);
    const sent = await sendSnapshotEmail(mailer, message);
    expect(sent.accepted).toEqual(['cto@acme.example']);
    expect(sent.rejected).toEqual(['bounce@acme.example']);
    const none = await acmeMessage(['bounce@acme.example']);
    await expect(sendSnapshotEmail(mailer, none.message)).rejects.toThrow(
      /no such mailbox|recipients/i,
    );
    expect(deliveries).toHaveLength(1);
  });

  it('speaks 简体中文, and a client name cannot add headers', async () => {
    const zh = chineseSnapshot();
    zh.clientName = '华东物流\r\nBcc: victim@evil.example';
    const message = buildSnapshotEmail(zh, {
      locale: 'zh-CN',
      timeZone: REPORT_ZONE,
      from: 'reports@freelancer.example',
      to: ['ops@huadong.example'],
    });
    await sendSnapshotEmail(mailer, message);
    const [{ mail, rcptTo, raw }] = deliveries as [Delivery];
    expect(rcptTo).toEqual(['ops@huadong.example']);
    expect(raw).not.toMatch(/^Bcc:/im);
    expect(mail.subject).toBe(
      '华东物流  Bcc: victim@evil.example：每周进度快照 2026 年第 48 周，总体完成度 62%',
    );
    expect(mail.text).toContain('负责人 李雷 · 需要：客户提供 VPN 凭据');
    expect(mail.text).toContain('本项目每周会给你发送这封邮件。');
    // No chart and no PDF given: no image and no attachment.
    expect(mail.attachments).toHaveLength(0);
    expect(mail.html).not.toContain('cid:');
  });
});
