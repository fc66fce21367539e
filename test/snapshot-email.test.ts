import { createTransport, type Transporter } from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { homePublisher } from '../src/features/home/publish-home.ts';
import { catchUpSnapshots } from '../src/features/snapshots/catch-up.ts';
import type { MailDeps } from '../src/features/snapshots/email-report.ts';
import { postClientSnapshot } from '../src/features/snapshots/post-client-snapshot.ts';
import { SLOT_NY, snapshotPages } from './fixtures/snapshot-data-source.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { tempDir } from './support/env.ts';
import { FakeNotionSnapshots } from './support/fake-notion-snapshots.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { POST_NOW_ACME, pressAction } from './support/slack-requests.ts';
import { TestSmtp } from './support/smtp.ts';
import { SNAPSHOT_YAML, snapshotDeps } from './support/snapshot-deps.ts';

/**
 * The week's snapshot e-mailed to the client (issue 23, step 3), exactly once
 * per client and week, received by a real SMTP server in process: across a
 * restart, Post now presses, a slow or failing SMTP server, a failing Slack.
 * Two replicas on PostgreSQL: replicas-postgres.test.ts.
 */
const EMAIL_YAML = SNAPSHOT_YAML(
  'America/New_York',
  '    email: [cto@acme.example, pm@acme.example]\n',
);
const FROM = 'Jane Doe <reports@freelancer.example>';
const minutes = (m: number) => new Date(SLOT_NY.getTime() + m * 60_000);

let slack: FakeSlack;
let notion: FakeNotionSnapshots;
let smtp: TestSmtp;
type TestDeps = MailDeps & { mailer: Transporter };
const open: TestDeps[] = [];
const bots: TestBot[] = [];

beforeAll(async () => {
  slack = await new FakeSlack().start();
  notion = await new FakeNotionSnapshots('ds-delivery').start();
  notion.pages = snapshotPages;
  smtp = await new TestSmtp().start();
});
afterEach(async () => {
  for (const d of open.splice(0)) {
    await d.lifecycle.drain(5_000);
    d.mailer.close();
    await d.store.close();
  }
  for (const b of bots.splice(0)) await b.close();
  smtp.received.length = 0;
  smtp.refuse = false;
  smtp.release();
  slack.reset(); // each test is its own workspace
});
afterAll(async () => {
  await smtp.stop();
  await slack.stop();
  await notion.stop();
});

function bot(clock: { now: Date }, dataDir = tempDir(), instanceId = 'a'): TestDeps {
  const deps: TestDeps = {
    ...snapshotDeps({
      yaml: EMAIL_YAML,
      dataDir,
      slackApiUrl: slack.apiUrl,
      notionUrl: notion.url,
      now: () => clock.now,
      instanceId,
      env: { SMTP_URL: smtp.url, EMAIL_FROM: FROM },
    }),
    mailer: createTransport({ url: smtp.url, pool: true }),
  };
  open.push(deps);
  return deps;
}

const posts = () => slack.messages.filter((m) => m.channel === 'C0ACME' && !m.thread_ts);

describe('the snapshot by e-mail, exactly once per client and week', () => {
  it('goes with the post, both parts, the PDF and the chart, and never again after a restart or Post now', async () => {
    const dir = tempDir();
    const a = bot({ now: SLOT_NY }, dir, 'before-restart');
    const client = a.config.clients[0]!;
    const week = await postClientSnapshot(a, client, { slotTime: SLOT_NY });
    expect(week.outcome).toBe('posted');
    expect(await week.email).toMatchObject({
      outcome: 'sent',
      messageId: '<snapshot.acme.2026-W48@freelancer.example>',
    });
    expect(smtp.received).toHaveLength(1);
    const [{ rcptTo, mail }] = smtp.received as [(typeof smtp.received)[0]];
    expect(rcptTo).toEqual(['cto@acme.example', 'pm@acme.example']);
    expect(mail.subject).toBe('ACME Corp: weekly snapshot Week 48, 2026, 62% complete overall');
    expect(mail.text).toContain('18 of 29 points');
    expect(mail.html).toContain('cid:chart@gigops');
    expect(mail.attachments.map((x) => x.contentType).sort()).toEqual([
      'application/pdf',
      'image/png',
    ]);
    expect(
      await a.store.reports.delivery({ clientId: 'acme', week: '2026-W48', channel: 'email' }),
    ).toMatchObject({
      state: 'sent',
      attempts: 1,
      result: '<snapshot.acme.2026-W48@freelancer.example>',
    });
    await a.lifecycle.drain(5_000);
    a.mailer.close();
    await a.store.close();
    open.splice(open.indexOf(a), 1);

    // Restarted two hours later: the start-up catch-up, the retry run and Post now.
    const clock = { now: minutes(120) };
    const b = bot(clock, dir, 'after-restart');
    expect(await catchUpSnapshots(b)).toEqual([
      { clientId: 'acme', action: 'none', week: '2026-W48' },
    ]);
    await catchUpSnapshots(b, { retry: true });
    const again = await postClientSnapshot(b, client, { slotTime: clock.now });
    expect(again.outcome).toBe('already');
    expect(await again.email).toEqual({ outcome: 'not-mine' });
    await b.lifecycle.drain(5_000);
    expect(smtp.received).toHaveLength(1);
    expect(posts()).toHaveLength(1);
  });

  it('records a failure, shows it in the App Home, tries again when due within the grace window, once', async () => {
    const clock = { now: SLOT_NY };
    const deps = bot(clock);
    const client = deps.config.clients[0]!;
    smtp.refuse = true;
    const week = await postClientSnapshot(deps, client, { slotTime: SLOT_NY });
    expect(week.outcome).toBe('posted'); // the post is not held back
    expect(await week.email).toMatchObject({ outcome: 'failed', nextAt: minutes(5) });
    expect(deps.health.status('email').lastError?.message).toContain('acme: ');
    await homePublisher(deps).publish('U0USER');
    const home = JSON.stringify(slack.callsTo('views.publish').at(-1)?.params.view);
    expect(home).toContain('*E-mail (SMTP)* · no calls yet · last error');

    smtp.refuse = false;
    clock.now = minutes(4); // not due yet
    await catchUpSnapshots(deps, { retry: true });
    await deps.lifecycle.drain(5_000);
    expect(smtp.received).toHaveLength(0);
    clock.now = minutes(10);
    await catchUpSnapshots(deps, { retry: true });
    await deps.lifecycle.drain(5_000);
    expect(smtp.received).toHaveLength(1);
    clock.now = minutes(20);
    await catchUpSnapshots(deps, { retry: true });
    await deps.lifecycle.drain(5_000);
    expect(smtp.received).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    expect(
      await deps.store.reports.delivery({ clientId: 'acme', week: '2026-W48', channel: 'email' }),
    ).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
  });

  it('gives up when the next try would fall past the grace window, and says so', async () => {
    const clock = { now: minutes(6 * 60 - 2) }; // the bot started 5 h 58 min late
    const deps = bot(clock);
    smtp.refuse = true;
    await catchUpSnapshots(deps);
    await deps.lifecycle.drain(5_000);
    const record = await deps.store.reports.delivery({
      clientId: 'acme',
      week: '2026-W48',
      channel: 'email',
    });
    expect(record).toMatchObject({ state: 'given_up', nextAt: undefined });
    expect(record?.lastError).toContain('try again later');
    smtp.refuse = false;
    clock.now = minutes(6 * 60 - 1);
    await catchUpSnapshots(deps, { retry: true });
    await deps.lifecycle.drain(5_000);
    expect(smtp.received).toHaveLength(0);
  });

  it('never holds the Slack post back behind a slow SMTP server, nor sends twice meanwhile', async () => {
    const clock = { now: SLOT_NY };
    const deps = bot(clock);
    smtp.slow = true;
    const week = await postClientSnapshot(deps, deps.config.clients[0]!, { slotTime: SLOT_NY });
    expect(week.outcome).toBe('posted');
    await smtp.until(() => smtp.waiting === 1);
    // The SMTP server has the message and has not answered: the retry run leaves it be.
    clock.now = minutes(10);
    await catchUpSnapshots(deps, { retry: true });
    expect(smtp.waiting).toBe(1);
    smtp.release();
    expect(await week.email).toMatchObject({ outcome: 'sent' });
    await deps.lifecycle.drain(5_000);
    expect(smtp.received).toHaveLength(1);
    expect(posts()).toHaveLength(1);
  });

  it('sends the e-mail when Slack fails, and the post follows later alone', async () => {
    const clock = { now: SLOT_NY };
    const deps = bot(clock);
    slack.httpFaults.set('chat.postMessage', [{ status: 500 }, { status: 500 }, { status: 500 }]);
    await expect(
      postClientSnapshot(deps, deps.config.clients[0]!, { slotTime: SLOT_NY }),
    ).rejects.toThrow(/500/);
    await deps.lifecycle.drain(5_000);
    expect(smtp.received).toHaveLength(1);
    clock.now = minutes(10);
    expect(await catchUpSnapshots(deps, { retry: true })).toEqual([
      { clientId: 'acme', action: 'posted-late', week: '2026-W48' },
    ]);
    await deps.lifecycle.drain(5_000);
    expect(posts()).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
  });
});

describe('Post now, through signed requests', () => {
  it('e-mails once however often it is pressed', async () => {
    const t = await startTestBot(
      EMAIL_YAML,
      {
        NOTION_TOKEN: 'secret_test',
        NOTION_API_URL: notion.url,
        SMTP_URL: smtp.url,
        EMAIL_FROM: FROM,
      },
      () => new Date('2026-11-30T17:00:00.000Z'),
    );
    bots.push(t);
    await t.bot.startup;
    const first = await pressAction(t, POST_NOW_ACME, 'now-1');
    expect(String(first.params.text)).toContain('Posted this week’s snapshot to <#C0ACME>');
    const second = await pressAction(t, POST_NOW_ACME, 'now-2');
    expect(String(second.params.text)).toContain('already in <#C0ACME>');
    await t.bot.deps.lifecycle.drain(5_000);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.mail.messageId).toBe('<snapshot.acme.2026-W49@freelancer.example>');
    // The pooled transport keeps its connection open between e-mails, and closes it at shutdown.
    expect(smtp.connections).toBeGreaterThan(0);
    await t.close();
    bots.splice(bots.indexOf(t), 1);
    await smtp.until(() => smtp.connections === 0);
  });
});
