import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_SIGNATURE } from '../src/blocks/completion-chart.ts';
import { signReportToken } from '../src/features/reports/index.ts';
import { snapshotPages } from './fixtures/snapshot-data-source.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { CHROMIUM, keepScreenshot, NO_CHROMIUM, pageInChromium } from './support/chromium.ts';
import { FakeNotionSnapshots } from './support/fake-notion-snapshots.ts';
import { POST_NOW_ACME, pressAction } from './support/slack-requests.ts';
import { TestSmtp } from './support/smtp.ts';
import { SNAPSHOT_YAML } from './support/snapshot-deps.ts';

/**
 * The report link, mounted (issue 23, step 5): with PUBLIC_URL and
 * REPORT_SECRET the week's Slack post and e-mail both carry
 * PUBLIC_URL/r/<token>, which the running bot serves from the kept report, as
 * a page a phone's browser reads and as a PDF, for `linkExpiresAfter`.
 */
const PUBLIC = 'https://bot.freelancer.example';
const SECRET = 'a-report-secret-that-is-long-enough-1234';
const NOW = new Date('2026-11-30T17:00:00.000Z'); // Mon 12:00 New York, week 49
const DAY = 86_400_000;
let notion: FakeNotionSnapshots;
let smtp: TestSmtp;
let t: TestBot;
let link: string;

beforeAll(async () => {
  notion = await new FakeNotionSnapshots('ds-delivery').start();
  notion.pages = snapshotPages;
  smtp = await new TestSmtp().start();
  t = await startTestBot(
    SNAPSHOT_YAML(
      'America/New_York',
      '      linkExpiresAfter: 7d\n    email: [cto@acme.example]\n',
    ),
    {
      NOTION_TOKEN: 'secret_test',
      NOTION_API_URL: notion.url,
      PUBLIC_URL: `${PUBLIC}/`,
      REPORT_SECRET: SECRET,
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'reports@freelancer.example',
    },
    () => NOW,
  );
  await t.bot.startup;
  await pressAction(t, POST_NOW_ACME, 'post');
  await t.bot.deps.lifecycle.drain(5_000);
  const post = t.slack.callsTo('chat.postMessage').find((c) => c.params.channel === 'C0ACME')!;
  const found = /<(https:\/\/bot\.freelancer\.example\/r\/[^|>]+)\|/.exec(
    JSON.stringify(post.params.blocks),
  );
  link = found![1]!;
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
  await notion.stop();
});

const local = (url: string) => url.replace(PUBLIC, t.url);
const token = () => link.split('/r/')[1]!;

describe('the report link', () => {
  it('is in the Slack post (page and PDF) and the same in the e-mail', () => {
    const post = t.slack.callsTo('chat.postMessage').find((c) => c.params.channel === 'C0ACME')!;
    const context = JSON.stringify(post.params.blocks);
    expect(context).toContain(`<${link}|Web page for anyone outside Slack>`);
    expect(context).toContain(`<${link}.pdf|PDF>`);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.mail.text).toContain(link);
    expect(smtp.received[0]?.mail.html).toContain(`href="${link}"`);
  });

  it('names the client and week and works for linkExpiresAfter (7 days here) from the report', async () => {
    const payload = Buffer.from(token().split('.')[0]!, 'base64url').toString();
    const [version, client, week, expiry] = payload.split('.');
    expect({ version, client, week }).toEqual({ version: 'v1', client: 'acme', week: '2026-W49' });
    expect(Number(expiry) * 1000).toBe(NOW.getTime() + 7 * DAY);
  });

  it('serves the page and the PDF from the running bot, with no Notion read', async () => {
    const reads = notion.requests.length;
    const page = await fetch(local(link));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('18 of 29 points');
    const pdf = await fetch(`${local(link)}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toContain('acme-2026-W49.pdf');
    expect(notion.requests.length).toBe(reads);
  });

  it('answers 404 to a tampered, expired, other-client or other-week link', async () => {
    const [payload, signature] = token().split('.') as [string, string];
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    const sign = (clientId: string, week: string, expiresAt: Date) =>
      signReportToken(SECRET, { clientId, week, expiresAt });
    const bad = [
      `${payload}.${flipped}`,
      sign('acme', '2026-W49', new Date(NOW.getTime() - 1_000)), // expired
      sign('globex', '2026-W49', new Date(NOW.getTime() + DAY)), // another client
      sign('acme', '2026-W48', new Date(NOW.getTime() + DAY)), // a week never sent
      signReportToken('another-secret-that-is-long-enough-12345', {
        clientId: 'acme',
        week: '2026-W49',
        expiresAt: new Date(NOW.getTime() + DAY),
      }),
    ];
    for (const b of bad) {
      const res = await fetch(`${t.url}/r/${b}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe('Not found\n');
    }
  });

  it.skipIf(!CHROMIUM)(
    `reads on a phone in headless Chromium; the screenshot is kept in test-artifacts/${CHROMIUM ? '' : ` (${NO_CHROMIUM})`}`,
    async () => {
      const { dom, text } = await pageInChromium(local(link));
      for (const expected of [
        'Weekly snapshot · ACME Corp',
        'Week 49, 2026 · as of Mon, Nov 30, 12:00 EST',
        'Completion overall',
        '18 of 29 points · by points 62%',
        '4 of 9 items · by count 44%',
        'Done this week',
      ]) {
        expect(text).toContain(expected);
      }
      expect(dom).not.toMatch(/<script/i);
      const png = await keepScreenshot(local(link), 'report-link-page-390x844.png');
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(png.readUInt32BE(16)).toBe(390);
    },
    90_000,
  );
});
