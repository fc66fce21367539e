/**
 * Client snapshots: Notion requests for a 1,000-item data source (pages of
 * 100, counted at a fake Notion over HTTP on loopback) and CPU to decode,
 * build and render the snapshot once the pages are in.
 */

import { createNotion } from '../src/clients/notion.ts';
import { decodeDeliveryItem } from '../src/clients/notion-delivery.ts';
import { fileSchema } from '../src/config.ts';
import { buildClientSnapshot } from '../src/domain/build-client-snapshot.ts';
import { toSnapshotItem } from '../src/domain/snapshot-item.ts';
import { loadClientItems } from '../src/features/snapshots/load-client-items.ts';
import { renderClientSnapshot } from '../src/features/snapshots/snapshot-blocks.ts';
import { createLogger } from '../src/log.ts';
import { FakeNotionSnapshots, notionPage } from '../test/support/fake-notion-snapshots.ts';
import type { BenchResult } from './run.ts';

const ITEMS = 1000;
const STATUSES = ['✅ Done', '🔄 In Review', '📝 Draft', '⛔ Closed', 'Not started'];

function cpuMs<T>(fn: () => T, runs: number): number {
  for (let i = 0; i < 5; i++) fn();
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / runs;
}

export default {
  title: 'Client snapshots',
  async run(): Promise<BenchResult[]> {
    const delivery = fileSchema.parse({ delivery: { notion: { dataSourceId: 'ds-bench' } } })
      .delivery!.notion;
    const notion = await new FakeNotionSnapshots('ds-bench').start();
    notion.pages = [
      ...Array.from({ length: ITEMS }, (_, i) =>
        notionPage({
          title: `Item ${i}`,
          status: STATUSES[i % STATUSES.length]!,
          points: (i % 8) + 1,
          blocked: i % 37 === 0,
          date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}T12:00:00.000Z`,
          reviewer: i % 2 ? 'Ana' : 'Bo',
          qa: 'success',
          pr: `https://github.com/acme/api/pull/${i}`,
        }),
      ),
      // Another client's items: the filter must keep them out of our pages.
      ...Array.from({ length: 300 }, (_, i) =>
        notionPage({ title: `Other ${i}`, client: 'Globex', status: '✅ Done' }),
      ),
    ];
    try {
      const client = createNotion({
        token: 'secret_bench',
        baseUrl: notion.url,
        logger: createLogger({ level: 'silent' }),
      });
      const items = await loadClientItems({ notion: client, delivery }, { notionClient: 'ACME' });
      const requests = notion.queries();
      const minimum = Math.ceil(ITEMS / 100) + 1;

      const pages = notion.pages.slice(0, ITEMS);
      const build = () => {
        const decoded = pages.map((p) =>
          toSnapshotItem(decodeDeliveryItem(p, delivery.properties)),
        );
        const snapshot = buildClientSnapshot({
          items: decoded,
          client: { id: 'acme', name: 'ACME Corp' },
          statusMap: delivery.statusMap,
          now: new Date('2026-11-25T15:00:00Z'),
          since: new Date('2026-11-18T15:00:00Z'),
          timeZone: 'America/New_York',
        });
        return renderClientSnapshot(snapshot, { locale: 'en', timeZone: 'America/New_York' });
      };
      // Baseline: one plain pass over the same pages (read every property once).
      const baseline = () => {
        let n = 0;
        for (const p of pages) for (const k in p.properties) n += k.length;
        return n;
      };
      const buildMs = cpuMs(build, 50);
      const baselineMs = cpuMs(baseline, 50);
      return [
        {
          name: `Notion requests, ${ITEMS}-item data source (+300 of another client)`,
          value: requests,
          unit: 'requests',
          baseline: minimum,
          target: `≤ ${minimum} (ceil(${ITEMS}/100)+1); ${items.length} items loaded`,
          pass: requests <= minimum && items.length === ITEMS,
        },
        {
          name: `CPU to decode, build and render a ${ITEMS}-item snapshot`,
          value: buildMs,
          unit: 'ms',
          baseline: baselineMs,
          target: `< 50 ms (${Math.round(buildMs / Math.max(baselineMs, 0.001))}× a plain pass)`,
          pass: buildMs < 50,
        },
      ];
    } finally {
      await notion.stop();
    }
  },
};
