/**
 * Delivery sync: how many Notion writes and GitHub requests reconciliation
 * costs. Everything runs against the loopback fakes of the test suite, with
 * the real clients, store and limiter (on a virtual clock).
 */
import { createGitHub } from '../src/clients/github.ts';
import { reconcileDeliveries } from '../src/features/delivery/reconcile-deliveries.ts';
import { checkDeliverySetup } from '../src/features/delivery/setup.ts';
import { Lifecycle } from '../src/lifecycle.ts';
import { createSqliteStore } from '../src/store/sqlite/index.ts';
import { fakeDeliverySetup, REPO, silentLogger } from '../test/support/delivery.ts';
import { FakeGitHubPulls } from '../test/support/fake-github-pulls.ts';
import { FakeNotion } from '../test/support/fake-notion.ts';
import { VirtualClock } from '../test/support/virtual-clock.ts';
import type { BenchModule, BenchResult } from './run.ts';

const PRS = 500;

async function run(): Promise<BenchResult[]> {
  const clock = new VirtualClock();
  const notion = await new FakeNotion({ now: clock.now }).start();
  const github = await new FakeGitHubPulls().start();
  const store = createSqliteStore(':memory:');
  try {
    const setup = fakeDeliverySetup(notion, {
      fetch: clock.track(fetch),
      rateLimit: { now: clock.now, sleep: clock.sleep },
    });
    const lifecycle = new Lifecycle();
    const deps = {
      store,
      lifecycle,
      logger: silentLogger,
      now: () => new Date(Date.UTC(2026, 10, 23) + clock.t),
      github: createGitHub({ token: undefined, baseUrl: github.url, logger: silentLogger }),
    };
    // 500 open pull requests whose items already show In Review.
    for (let n = 1; n <= PRS; n += 1) {
      const pr = github.setPull(REPO, {
        number: n,
        updatedAt: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString(),
      });
      notion.addItem({ title: `Task ${n}`, status: '🔄 In Review', pr: String(pr.html_url) });
    }
    const check = await checkDeliverySetup(setup);
    if (!check.ok) throw new Error('bench data source does not match the config');
    const reconcile = () => reconcileDeliveries(deps, setup, check.kinds);
    const measure = async () => {
      const w = notion.writes.length;
      const g = github.requests.length;
      const n = notion.requests.length;
      const report = await reconcile();
      return {
        writes: notion.writes.length - w,
        github: github.requests.slice(g),
        notion: notion.requests.length - n,
        report,
      };
    };

    const cold = await measure(); // first run: every PR read, none needs a write
    const idle = await measure(); // nothing changed: one conditional request
    await store.delivery.saveRepoCursor(REPO, { etag: undefined, since: undefined }, deps.now());
    const lost = await measure(); // cursor lost: all 500 read again, still no write
    github.setPull(REPO, {
      number: 7,
      state: 'closed',
      mergedAt: '2026-11-22T10:00:00Z',
      updatedAt: '2026-11-22T10:00:00Z',
    });
    const oneChange = await measure();
    const charged = (rs: typeof idle.github) => rs.filter((r) => r.status !== 304).length;

    return [
      {
        name: `Notion writes, reconciling ${PRS} unchanged PRs (first run)`,
        value: cold.writes,
        unit: 'write(s)',
        baseline: PRS,
        target: '0 (baseline: one write per PR)',
        pass: cold.writes === 0,
      },
      {
        name: `Notion writes, reconciling ${PRS} unchanged PRs again with the cursor lost`,
        value: lost.writes,
        unit: 'write(s)',
        baseline: PRS,
        target: '0 (baseline: one write per PR)',
        pass: lost.writes === 0,
      },
      {
        name: 'Notion writes for one real change (a merge)',
        value: oneChange.writes,
        unit: 'write(s)',
        target: '1',
        pass: oneChange.writes === 1 && oneChange.report.updated.length === 1,
      },
      {
        name: 'GitHub requests, reconciliation with nothing changed (1 repo)',
        value: idle.github.length,
        unit: 'request(s)',
        baseline: cold.github.length,
        target: '1 per repo (baseline: cold first run)',
        pass: idle.github.length === 1,
      },
      {
        name: 'GitHub requests counted against the rate limit, nothing changed (ETag 304)',
        value: charged(idle.github),
        unit: 'request(s)',
        baseline: charged(cold.github),
        target: '0 (baseline: cold first run)',
        pass: charged(idle.github) === 0,
      },
      {
        name: 'Notion requests, reconciliation with nothing changed',
        value: idle.notion,
        unit: 'request(s)',
        baseline: cold.notion,
        target: '0 (baseline: cold first run)',
        pass: idle.notion === 0,
      },
      {
        name: 'Notion 429 answers over the whole run (limiter at 3/s)',
        value: notion.rateLimited,
        unit: 'answers',
        target: '0',
        pass: notion.rateLimited === 0,
      },
    ];
  } finally {
    await store.close();
    await notion.stop();
    await github.stop();
  }
}

export default { title: 'Delivery sync', run } satisfies BenchModule;
