import type { SnapshotRecord, SnapshotStore } from '../snapshot-store.ts';
import type { Sql } from '../sql.ts';
import { iso, text } from '../sql.ts';

export function snapshotRepository(sql: Sql): SnapshotStore {
  return {
    async record(e) {
      await sql.run(
        `INSERT INTO client_snapshots
           (client_id, week, posted_at, points_done, points_total, count_done, count_total, ts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (client_id, week) DO UPDATE SET
           posted_at = excluded.posted_at, points_done = excluded.points_done,
           points_total = excluded.points_total, count_done = excluded.count_done,
           count_total = excluded.count_total, ts = excluded.ts`,
        [
          e.clientId,
          e.week,
          iso(e.postedAt),
          e.pointsDone,
          e.pointsTotal,
          e.countDone,
          e.countTotal,
          e.ts ?? null,
        ],
      );
    },
    async history(clientId, limit): Promise<SnapshotRecord[]> {
      const rows = await sql.all(
        'SELECT * FROM client_snapshots WHERE client_id = ? ORDER BY week DESC LIMIT ?',
        [clientId, limit],
      );
      return rows
        .map((r) => ({
          clientId: String(r.client_id),
          week: String(r.week),
          postedAt: new Date(String(r.posted_at)),
          pointsDone: Number(r.points_done),
          pointsTotal: Number(r.points_total),
          countDone: Number(r.count_done),
          countTotal: Number(r.count_total),
          ts: text(r.ts),
        }))
        .reverse();
    },
  };
}
