import { createTransport, type Transporter } from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { MailDeps } from '../src/features/snapshots/email-report.ts';
import { holdChecks } from '../src/features/snapshots/hold.ts';
import { postClientSnapshot } from '../src/features/snapshots/post-client-snapshot.ts';
import { linkedReport } from '../src/features/snapshots/report-link.ts';
import { SLOT_NY, snapshotPages } from './fixtures/snapshot-data-source.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { tempDir, testEnv } from './support/env.ts';
import { FakeNotionSnapshots } from './support/fake-notion-snapshots.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';
import { blockActionsBody, postSigned } from './support/slack-requests.ts';
import { TestSmtp } from './support/smtp.ts';
import { SNAPSHOT_YAML, snapshotDeps } from './support/snapshot-deps.ts';

/**
 * Held for approval (issue 23, step 6; PRODUCT.md "Held snapshot"): with
 * `snapshot.hold`, a preview goes to the admins `previewBefore` the slot
 * (default: Tuesday 10:00 in the client's zone) with a note field and
 * **Approve**; nothing reaches the client (Slack, e-mail, link) before an
 * admin approves; approved before the slot it goes at the slot, after it at
 * once, marked late; unapproved by the end of the grace window, nothing is
 * sent and the admins are told. The button is pressed through signed
 * requests to the running bot; the slot's run and the checks are called on
 * the same store, as the bot's jobs call them.
 */
const HOLD_YAML = `admins: [U0ADMIN, U0OTHER]\n${SNAPSHOT_YAML(
  'America/New_York',
  '      hold: true\n    email: [cto@acme.example]\n',
)}`;
const FROM = 'reports@freelancer.example';
const hours = (h: number) => new Date(SLOT_NY.getTime() + h * 3_600_000);
const TUESDAY_10 = hours(-24);

let notion: FakeNotionSnapshots;
let smtp: TestSmtp;
const cleanup: Array<() => Promise<void>> = [];

beforeAll(async () => {
  notion = await new FakeNotionSnapshots('ds-delivery').start();
  notion.pages = snapshotPages;
  smtp = await new TestSmtp().start();
});
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
  smtp.received.length = 0;
});
afterAll(async () => {
  await smtp.stop();
  await notion.stop();
});

interface World {
  t: TestBot;
  /** The same store and config, with a mailer: what the bot's jobs run with. */
  jobs: MailDeps;
  clock: { now: Date };
}

async function world(): Promise<World> {
  // The bot starts a minute before the preview is due (its start-up checks too).
  const clock = { now: new Date(TUESDAY_10.getTime() - 60_000) };
  const dataDir = tempDir();
  const env = {
    NOTION_TOKEN: 'secret_test',
    NOTION_API_URL: notion.url,
    SMTP_URL: smtp.url,
    EMAIL_FROM: FROM,
    PUBLIC_URL: 'https://bot.freelancer.example',
    REPORT_SECRET: 'a-report-secret-that-is-long-enough-1234',
    DATA_DIR: dataDir,
  };
  const t = await startTestBot(HOLD_YAML, env, () => clock.now);
  await t.bot.startup;
  const mailer: Transporter = createTransport({ url: smtp.url, pool: true });
  const jobs: MailDeps = {
    ...snapshotDeps({
      yaml: HOLD_YAML,
      dataDir,
      slackApiUrl: t.slack.apiUrl,
      notionUrl: notion.url,
      now: () => clock.now,
      instanceId: 'jobs',
      env,
    }),
    mailer,
  };
  cleanup.push(async () => {
    await jobs.lifecycle.drain(5_000);
    mailer.close();
    await jobs.store.close();
    await t.close();
  });
  return { t, jobs, clock };
}

const clientPosts = (t: TestBot) => t.slack.messages.filter((m) => m.channel === 'C0ACME');
const dms = (t: TestBot, user: string) => t.slack.messages.filter((m) => m.channel === `D${user}`);

async function approve(t: TestBot, user: string, name: string, note?: string) {
  const body = JSON.parse(
    new URLSearchParams(
      blockActionsBody(
        t,
        { type: 'button', action_id: 'snapshot_approve', value: 'acme:2026-W48' },
        { user, name },
      ),
    ).get('payload')!,
  );
  body.container = { type: 'message', message_ts: '1.1', channel_id: `D${user}` };
  body.state = {
    values: { snapshot_note: { note: { type: 'plain_text_input', value: note ?? null } } },
  };
  await postSigned(t, new URLSearchParams({ payload: JSON.stringify(body) }).toString());
  return t.slack.waitFor(`response_url:/respond/${name}`);
}

describe('a held snapshot', () => {
  it('previews to each admin on Tuesday at 10:00, once; approved, it goes out at the slot with the note', async () => {
    const { t, jobs, clock } = await world();
    expect(await holdChecks(jobs)).toEqual([]); // Tuesday 09:59: not yet
    expect(t.slack.messages).toHaveLength(0);
    clock.now = TUESDAY_10;
    expect(await holdChecks(jobs)).toEqual([
      { clientId: 'acme', week: '2026-W48', action: 'preview' },
    ]);
    expect(await holdChecks(jobs)).toEqual([]); // once
    for (const admin of ['U0ADMIN', 'U0OTHER']) {
      const [preview] = dms(t, admin);
      expect(dms(t, admin)).toHaveLength(1);
      expect(preview?.metadata?.event_type).toBe('gigops_snapshot_preview');
      const blocks = preview?.blocks as object[];
      expectWithinSlackLimits(blocks);
      const text = JSON.stringify(blocks);
      expect(text).toContain('18 of 29 points');
      expect(text).toContain('"action_id":"snapshot_approve"');
      expect(text).toContain('"value":"acme:2026-W48"');
      expect(text).toContain('"block_id":"snapshot_note"');
      expect(text).toContain('at Wed, Nov 25, 10:00 EST');
    }
    // Nothing for the client yet: no post, no e-mail, no page behind a link.
    expect(clientPosts(t)).toHaveLength(0);
    expect(smtp.received).toHaveLength(0);
    expect(await linkedReport(jobs, 'acme', '2026-W48')).toBeUndefined();

    clock.now = hours(-2);
    const answer = await approve(t, 'U0ADMIN', 'ok', 'Staging access is back; thanks!');
    expect(answer.params.text).toBe(
      ':white_check_mark: Approved by <@U0ADMIN>: it goes out Wed, Nov 25, 10:00 EST.',
    );
    expect(answer.params.replace_original).toBe(true);
    expect(clientPosts(t)).toHaveLength(0);
    const again = await approve(t, 'U0OTHER', 'again');
    expect(again.params.text).toBe('Already approved by <@U0ADMIN>; nothing changed.');

    clock.now = SLOT_NY; // the slot's run
    const week = await postClientSnapshot(jobs, jobs.config.clients[0]!, { slotTime: SLOT_NY });
    expect(week.outcome).toBe('posted');
    await week.email;
    expect(clientPosts(t)).toHaveLength(1);
    const post = JSON.stringify(clientPosts(t)[0]?.blocks);
    expect(post).toContain('*Note:* Staging access is back; thanks!');
    expect(post).not.toContain('late');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.mail.text).toContain('Note: Staging access is back; thanks!');
    expect((await linkedReport(jobs, 'acme', '2026-W48'))?.note).toBe(
      'Staging access is back; thanks!',
    );
  });

  it('stays held at the slot, and an approval after it sends at once, marked late', async () => {
    const { t, jobs, clock } = await world();
    clock.now = TUESDAY_10;
    await holdChecks(jobs);
    clock.now = SLOT_NY;
    const held = await postClientSnapshot(jobs, jobs.config.clients[0]!, { slotTime: SLOT_NY });
    expect(held.outcome).toBe('held');
    expect(clientPosts(t)).toHaveLength(0);

    clock.now = hours(2);
    const answer = await approve(t, 'U0OTHER', 'late');
    expect(answer.params.text).toBe(
      ':white_check_mark: Approved by <@U0OTHER> after its scheduled time: sent now to <#C0ACME>, marked late.',
    );
    await t.bot.deps.lifecycle.drain(5_000);
    expect(clientPosts(t)).toHaveLength(1);
    expect(JSON.stringify(clientPosts(t)[0]?.blocks)).toContain(
      'Sent late: it was approved after its scheduled time.',
    );
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.mail.text).toContain(
      'Sent late: it was approved after its scheduled time.',
    );
    // The retry run finds the week done.
    clock.now = hours(3);
    await postClientSnapshot(jobs, jobs.config.clients[0]!, { slotTime: SLOT_NY });
    expect(clientPosts(t)).toHaveLength(1);
  });

  it('sends nothing when nobody approves by the end of the grace window, and tells the admins', async () => {
    const { t, jobs, clock } = await world();
    clock.now = TUESDAY_10;
    await holdChecks(jobs);
    clock.now = SLOT_NY;
    await postClientSnapshot(jobs, jobs.config.clients[0]!, { slotTime: SLOT_NY });
    clock.now = hours(5.9);
    expect(await holdChecks(jobs)).toEqual([]);
    clock.now = hours(6.1);
    expect(await holdChecks(jobs)).toEqual([
      { clientId: 'acme', week: '2026-W48', action: 'expired' },
    ]);
    expect(await holdChecks(jobs)).toEqual([]);
    for (const admin of ['U0ADMIN', 'U0OTHER']) {
      const told = dms(t, admin).filter(
        (m) => m.metadata?.event_type === 'gigops_snapshot_expired',
      );
      expect(told).toHaveLength(1);
      expect(told[0]?.text).toBe(
        ':no_entry: ACME Corp’s snapshot for 2026-W48 was not approved by Wed, Nov 25, 16:00 EST, so nothing was sent this week.',
      );
    }
    const answer = await approve(t, 'U0ADMIN', 'too-late');
    expect(answer.params.text).toBe(
      'Too late to approve: the grace window ended Wed, Nov 25, 16:00 EST, so nothing was sent this week.',
    );
    await postClientSnapshot(jobs, jobs.config.clients[0]!, { slotTime: SLOT_NY });
    await jobs.lifecycle.drain(5_000);
    expect(clientPosts(t)).toHaveLength(0);
    expect(smtp.received).toHaveLength(0);
    expect(await linkedReport(jobs, 'acme', '2026-W48')).toBeUndefined();
  });

  it('refuses Approve from someone who is not an admin, and stays held', async () => {
    const { t, jobs, clock } = await world();
    clock.now = TUESDAY_10;
    await holdChecks(jobs);
    clock.now = hours(-1);
    const answer = await approve(t, 'U0USER', 'refused', 'ship it');
    expect(answer.params.text).toBe(
      'Only <@U0ADMIN>, <@U0OTHER> can approve a held client snapshot; nothing changed.',
    );
    expect((await jobs.store.reports.get('acme', '2026-W48'))?.hold).toBe('held');
    clock.now = SLOT_NY;
    expect(
      (await postClientSnapshot(jobs, jobs.config.clients[0]!, { slotTime: SLOT_NY })).outcome,
    ).toBe('held');
    expect(clientPosts(t)).toHaveLength(0);
  });

  it('cannot be configured without anyone to approve it', () => {
    const yaml = SNAPSHOT_YAML('America/New_York', '      hold: true\n');
    expect(() => loadConfig(testEnv(), { readFile: () => yaml })).toThrow(
      /clients\.0\.snapshot\.hold: a held snapshot goes out only when an admin presses Approve/,
    );
  });
});
