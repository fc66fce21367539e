import type { Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.ts';
import { reportLinkExpiry, reportRoute, signReportToken } from '../src/features/reports/index.ts';
import { postClientSnapshot } from '../src/features/snapshots/post-client-snapshot.ts';
import { linkedReport } from '../src/features/snapshots/report-link.ts';
import { weekReport } from '../src/features/snapshots/week-report.ts';
import { createHttpServer } from '../src/http/server.ts';
import { Lifecycle } from '../src/lifecycle.ts';
import { createLogger } from '../src/log.ts';
import { SLOT_NY, snapshotPages } from './fixtures/snapshot-data-source.ts';
import { tempDir } from './support/env.ts';
import { FakeNotionSnapshots } from './support/fake-notion-snapshots.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { closeServer, listenOnLoopback } from './support/loopback.ts';
import { SNAPSHOT_YAML, snapshotDeps } from './support/snapshot-deps.ts';

/**
 * The Notion data is read once per client and week (issue 23): the report is
 * built once and kept in the store, and every form (the Slack post, the link's
 * page and PDF, a second Post now, another replica) is made from it.
 */
const SECRET = 'a-report-secret-that-is-long-enough-1234';
let slack: FakeSlack;
let notion: FakeNotionSnapshots;
const open: Deps[] = [];
const servers: Server[] = [];

beforeAll(async () => {
  slack = await new FakeSlack().start();
  notion = await new FakeNotionSnapshots('ds-delivery').start();
  notion.pages = snapshotPages;
});
afterEach(async () => {
  for (const d of open.splice(0)) await d.store.close();
  for (const s of servers.splice(0)) await closeServer(s);
});
afterAll(async () => {
  await slack.stop();
  await notion.stop();
});

function bot(dataDir: string, instanceId: string, now = SLOT_NY): Deps {
  const deps = snapshotDeps({
    yaml: SNAPSHOT_YAML(),
    dataDir,
    slackApiUrl: slack.apiUrl,
    notionUrl: notion.url,
    now: () => now,
    instanceId,
  });
  open.push(deps);
  return deps;
}

async function linkServer(deps: Deps): Promise<string> {
  const lifecycle = new Lifecycle();
  lifecycle.phase = 'ready';
  const server = createHttpServer({
    lifecycle,
    logger: createLogger({ level: 'silent' }),
    routes: {
      'GET /r/*': reportRoute({
        secret: SECRET,
        now: deps.now,
        load: (clientId, week) => linkedReport(deps, clientId, week),
      }),
    },
  });
  servers.push(server);
  return listenOnLoopback(server);
}

const token = (clientId: string, week: string) =>
  signReportToken(SECRET, { clientId, week, expiresAt: reportLinkExpiry(SLOT_NY) });

describe('one Notion read per client and week, shared by every form', () => {
  it('posts, serves the link’s page and PDF many times, and a second Post now, from one read', async () => {
    const dir = tempDir();
    const deps = bot(dir, 'a');
    const client = deps.config.clients[0]!;
    notion.requests.length = 0;
    expect((await postClientSnapshot(deps, client, { slotTime: SLOT_NY })).outcome).toBe('posted');
    const reads = notion.requests.length;
    expect(reads).toBe(1); // 9 items: one page of the query

    const base = await linkServer(deps);
    for (let view = 0; view < 3; view++) {
      const page = await fetch(`${base}/r/${token('acme', '2026-W48')}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('18 of 29 points');
      const pdf = await fetch(`${base}/r/${token('acme', '2026-W48')}.pdf`);
      expect(pdf.status).toBe(200);
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }
    expect((await postClientSnapshot(deps, client, { slotTime: SLOT_NY })).outcome).toBe('already');
    // Another replica on the same store, an hour later: the same report, no read.
    const other = bot(dir, 'b', new Date(SLOT_NY.getTime() + 3_600_000));
    const again = await weekReport(other, client, SLOT_NY);
    expect(again?.snapshot.points).toEqual({ done: 18, total: 29 });
    expect(again?.snapshot.doneThisWeek[0]?.doneAt).toBeInstanceOf(Date);
    expect(notion.requests.length).toBe(reads);
  });

  it('builds the report once when two replicas ask for it at the same moment', async () => {
    const dir = tempDir();
    const [a, b] = [bot(dir, 'a'), bot(dir, 'b')];
    notion.requests.length = 0;
    const client = a.config.clients[0]!;
    const [ra, rb] = await Promise.all([
      weekReport(a, client, SLOT_NY),
      weekReport(b, client, SLOT_NY),
    ]);
    // One built it; the other was told it is being built (undefined) or found it kept.
    expect([ra, rb].filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(notion.requests.length).toBe(1);
  });

  it('serves no link for a week never built, or for another client', async () => {
    const deps = bot(tempDir(), 'a');
    await postClientSnapshot(deps, deps.config.clients[0]!, { slotTime: SLOT_NY });
    const base = await linkServer(deps);
    expect((await fetch(`${base}/r/${token('acme', '2026-W47')}`)).status).toBe(404);
    expect((await fetch(`${base}/r/${token('globex', '2026-W48')}`)).status).toBe(404);
    expect(await linkedReport(deps, 'acme', '2026-W48')).toMatchObject({
      timeZone: 'America/New_York',
      locale: 'en',
    });
  });
});
