import type { Server } from 'node:http';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_SIGNATURE } from '../src/blocks/completion-chart.ts';
import { reportLinkExpiry, signReportToken } from '../src/features/reports/link-token.ts';
import { REPORT_ROUTE_KEY, reportRoute } from '../src/features/reports/report-route.ts';
import { createHttpServer } from '../src/http/server.ts';
import { Lifecycle } from '../src/lifecycle.ts';
import { createLogger } from '../src/log.ts';
import { CHROMIUM, keepScreenshot, NO_CHROMIUM, pageInChromium } from './support/chromium.ts';
import { closeServer, listenOnLoopback } from './support/loopback.ts';
import {
  REPORT_NOW,
  REPORT_WEEK,
  REPORT_ZONE,
  reportChart,
  smallSnapshot,
} from './support/report-snapshot.ts';

const SECRET = 'a-report-secret-that-is-long-enough-1234';
const DAY = 86_400_000;
let now = REPORT_NOW;
const loads: string[] = [];
let server: Server;
let base: string;

const link = (clientId: string, week = REPORT_WEEK, expiresAt = reportLinkExpiry(REPORT_NOW)) =>
  signReportToken(SECRET, { clientId, week, expiresAt });

beforeAll(async () => {
  const lifecycle = new Lifecycle();
  lifecycle.phase = 'ready';
  server = createHttpServer({
    lifecycle,
    logger: createLogger({ level: 'silent' }),
    routes: {
      [REPORT_ROUTE_KEY]: reportRoute({
        secret: SECRET,
        now: () => now,
        load: async (clientId, week) => {
          loads.push(`${clientId} ${week}`);
          if (clientId === 'broken') throw new Error('Notion is unreachable');
          if (clientId !== 'acme' || week !== REPORT_WEEK) return undefined;
          return {
            snapshot: smallSnapshot(),
            timeZone: REPORT_ZONE,
            locale: 'en',
            chartPng: reportChart(),
          };
        },
      }),
    },
  });
  base = await listenOnLoopback(server);
});
afterAll(() => closeServer(server));

describe('GET /r/<token> (issue 23)', () => {
  it('serves the client’s page: HTML, private, never cached or indexed, nothing but inline styles and data: images', async () => {
    const res = await fetch(`${base}/r/${link('acme')}`);
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
      'x-robots-tag': 'noindex, nofollow',
      'referrer-policy': 'no-referrer',
    });
    const html = await res.text();
    expect(html).toContain('<title>Weekly snapshot · ACME Corp · Week 48, 2026</title>');
    expect(html).toContain('18 of 26 points · by points');
    expect(html).toContain('<img src="data:image/png;base64,');
  });

  it('serves the same as a PDF at /r/<token>.pdf', async () => {
    const res = await fetch(`${base}/r/${link('acme')}.pdf?utm_source=mail`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="acme-2026-W48.pdf"');
    const pdf = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain('18 of 26 points · by points');
  });

  it('answers the same empty 404 to a tampered, expired, other-client, unknown or malformed link, and to any other method', async () => {
    const good = link('acme');
    const [payload, signature] = good.split('.') as [string, string];
    const otherPayload = link('globex').split('.')[0];
    const flipped = `${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    const cases: Array<[string, RequestInit?]> = [
      [`/r/${flipped}`],
      [`/r/${otherPayload}.${signature}`], // globex's payload under acme's signature
      [`/r/${link('acme', REPORT_WEEK, new Date(REPORT_NOW.getTime() - 1000))}`], // expired
      [`/r/${link('globex')}`], // signed, but no such client here
      [`/r/${link('acme', '2026-W47')}`], // signed, but no report that week
      [
        `/r/${signReportToken('another-secret-entirely-0123456789ab', { clientId: 'acme', week: REPORT_WEEK, expiresAt: reportLinkExpiry(REPORT_NOW) })}`,
      ],
      ['/r/'],
      ['/r/nothing'],
      [`/r/${good}.html`],
      [`/r/${good}/x`],
      [`/r/${good}.pdf.pdf`],
      [`/r//${good}`],
      [`/r/${good}%00`],
      [`/r/${good}`, { method: 'POST', body: 'x' }],
      [`/r/${good}`, { method: 'DELETE' }],
    ];
    const routeAnswers = new Set<string>();
    for (const [path, init] of cases) {
      const res = await fetch(`${base}${path}`, init);
      expect(res.status, path).toBe(404);
      const answer = [
        res.headers.get('content-type'),
        res.headers.get('cache-control'),
        res.headers.get('x-robots-tag'),
        await res.text(),
      ].join(' | ');
      // Other methods never reach the route: the server's own 404 answers them.
      if (!init) routeAnswers.add(answer);
    }
    expect([...routeAnswers]).toEqual([
      'text/plain; charset=utf-8 | private, no-store | noindex, nofollow | Not found\n',
    ]);
    // Only well-signed, unexpired tokens ever reached the data.
    expect(loads.filter((l) => !l.startsWith('acme 2026-W48'))).toEqual([
      'globex 2026-W48',
      'acme 2026-W47',
    ]);
  });

  it('stops at the link’s expiry, 90 days on', async () => {
    const token = link('acme');
    now = new Date(REPORT_NOW.getTime() + 89 * DAY);
    expect((await fetch(`${base}/r/${token}`)).status).toBe(200);
    now = new Date(REPORT_NOW.getTime() + 90 * DAY);
    expect((await fetch(`${base}/r/${token}`)).status).toBe(404);
    now = REPORT_NOW;
  });

  it('says only “try later” when the data cannot be read for a good link', async () => {
    const res = await fetch(`${base}/r/${link('broken')}`);
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('Temporarily unavailable\n');
  });
});

describe('the report page in a browser', () => {
  it.skipIf(!CHROMIUM)(
    `headless Chromium at a phone's size shows the report's text, and a screenshot is kept in test-artifacts/${CHROMIUM ? '' : ` (${NO_CHROMIUM})`}`,
    async () => {
      const url = `${base}/r/${link('acme')}`;
      const { dom, text } = await pageInChromium(url);
      for (const expected of [
        'Weekly snapshot · ACME Corp',
        'Week 48, 2026 · as of Wed, Nov 25, 10:00 EST',
        'Blockers (1)',
        'owner Dana · needs VPN credentials from ACME IT · no update for 4 days',
        '18 of 26 points · by points 69%',
        '4 of 8 items · by count 50%',
        'Checkout flow &lt;script&gt;alert(1)&lt;/script&gt;',
        'Done this week counts from Wed, Nov 18, 10:00 EST.',
      ]) {
        expect(text).toContain(expected);
      }
      // The hostile title stayed text: the browser built no script element from it.
      expect(dom).not.toMatch(/<script/i);
      const png = await keepScreenshot(url, 'report-page-390x844.png');
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(png.readUInt32BE(16)).toBe(390); // IHDR width: the phone's
    },
    90_000,
  );
});
