import { describe, expect, it } from 'vitest';
import { pruneReports, REPORT_KEEP_EXTRA_MS } from '../src/features/snapshots/jobs.ts';
import type { StoredReport } from '../src/store/report-store.ts';
import { tempDir } from './support/env.ts';
import { SNAPSHOT_YAML, snapshotDeps } from './support/snapshot-deps.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-12-02T15:00:00Z');
const report = (week: string, builtAt: Date): StoredReport => ({
  clientId: 'acme',
  week,
  slotAt: builtAt,
  builtAt,
  timeZone: 'America/New_York',
  snapshot: '{}',
  chart: undefined,
  hold: 'none',
  approvedBy: undefined,
  approvedAt: undefined,
  note: undefined,
});

describe('the daily prune of client reports (snapshot:prune)', () => {
  it('keeps a report while any link to it may open, and a fortnight more', async () => {
    const deps = snapshotDeps({
      // A client whose links live 30 days: reports older than 44 days go.
      yaml: SNAPSHOT_YAML('America/New_York', '      linkExpiresAfter: 30d\n'),
      dataDir: tempDir(),
      slackApiUrl: 'http://127.0.0.1:9/api/',
      notionUrl: undefined,
      now: () => NOW,
    });
    try {
      const keep = 30 * DAY + REPORT_KEEP_EXTRA_MS;
      await deps.store.reports.save(report('2026-W40', new Date(NOW.getTime() - keep - DAY)));
      await deps.store.reports.save(report('2026-W42', new Date(NOW.getTime() - keep + DAY)));
      expect(await pruneReports(deps)).toBe(1);
      expect(await deps.store.reports.get('acme', '2026-W40')).toBeUndefined();
      expect(await deps.store.reports.get('acme', '2026-W42')).toBeDefined();
    } finally {
      await deps.store.close();
    }
  });
});
