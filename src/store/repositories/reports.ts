import type {
  DeliveryRecord,
  DeliveryState,
  ReportHold,
  ReportStore,
  StoredReport,
} from '../report-store.ts';
import type { Row, Sql } from '../sql.ts';
import { date, iso, text } from '../sql.ts';

const KEY = 'client_id = ? AND week = ? AND channel = ?';

/** Reports and their deliveries: every change is one conditional statement, one winner. */
export function reportRepository(sql: Sql): ReportStore {
  return {
    async save(r) {
      const inserted = await sql.run(
        `INSERT INTO client_reports (client_id, week, slot_at, built_at, time_zone, snapshot,
           chart, hold, approved_by, approved_at, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client_id, week) DO NOTHING`,
        [
          r.clientId,
          r.week,
          iso(r.slotAt),
          iso(r.builtAt),
          r.timeZone,
          r.snapshot,
          r.chart ?? null,
          r.hold,
          r.approvedBy ?? null,
          r.approvedAt ? iso(r.approvedAt) : null,
          r.note ?? null,
        ],
      );
      return inserted.changes === 1;
    },
    async get(clientId, week) {
      const row = await sql.get('SELECT * FROM client_reports WHERE client_id = ? AND week = ?', [
        clientId,
        week,
      ]);
      return row ? toReport(row) : undefined;
    },
    async approve(clientId, week, by, note, now) {
      const r = await sql.run(
        `UPDATE client_reports SET hold = 'approved', approved_by = ?, approved_at = ?, note = ?
         WHERE client_id = ? AND week = ? AND hold = 'held'`,
        [by, iso(now), note ?? null, clientId, week],
      );
      return r.changes === 1;
    },
    async expire(clientId, week) {
      const r = await sql.run(
        `UPDATE client_reports SET hold = 'expired' WHERE client_id = ? AND week = ? AND hold = 'held'`,
        [clientId, week],
      );
      return r.changes === 1;
    },
    async claimDelivery(k, owner, now, leaseMs) {
      const inserted = await sql.run(
        `INSERT INTO report_deliveries (client_id, week, channel, state, owner, claimed_at, attempts)
         VALUES (?, ?, ?, 'sending', ?, ?, 1) ON CONFLICT (client_id, week, channel) DO NOTHING`,
        [k.clientId, k.week, k.channel, owner, iso(now)],
      );
      if (inserted.changes === 1) return true;
      const stale = iso(new Date(now.getTime() - leaseMs));
      const taken = await sql.run(
        `UPDATE report_deliveries SET state = 'sending', owner = ?, claimed_at = ?,
           attempts = attempts + 1
         WHERE ${KEY} AND ((state = 'failed' AND next_at <= ?)
           OR (state = 'sending' AND claimed_at < ?))`,
        [owner, iso(now), k.clientId, k.week, k.channel, iso(now), stale],
      );
      return taken.changes === 1;
    },
    async completeDelivery(k, owner, now, result) {
      await sql.run(
        `UPDATE report_deliveries SET state = 'sent', done_at = ?, result = ?, next_at = NULL
         WHERE ${KEY} AND owner = ? AND state = 'sending'`,
        [iso(now), result ?? null, k.clientId, k.week, k.channel, owner],
      );
    },
    async failDelivery(k, owner, error, nextAt) {
      await sql.run(
        `UPDATE report_deliveries SET state = ?, last_error = ?, next_at = ?
         WHERE ${KEY} AND owner = ? AND state = 'sending'`,
        [
          nextAt ? 'failed' : 'given_up',
          error.slice(0, 500),
          nextAt ? iso(nextAt) : null,
          k.clientId,
          k.week,
          k.channel,
          owner,
        ],
      );
    },
    async delivery(k): Promise<DeliveryRecord | undefined> {
      const row = await sql.get(`SELECT * FROM report_deliveries WHERE ${KEY}`, [
        k.clientId,
        k.week,
        k.channel,
      ]);
      if (!row) return undefined;
      return {
        clientId: String(row.client_id),
        week: String(row.week),
        channel: String(row.channel),
        state: String(row.state) as DeliveryState,
        owner: text(row.owner),
        claimedAt: date(row.claimed_at),
        attempts: Number(row.attempts),
        nextAt: date(row.next_at),
        lastError: text(row.last_error),
        doneAt: date(row.done_at),
        result: text(row.result),
      };
    },
    prune: (before) => pruneReports(sql, before),
  };
}

/** Deliveries first: theirs is the report whose week they belong to. */
async function pruneReports(sql: Sql, before: Date): Promise<number> {
  return sql.transaction(async (tx) => {
    await tx.run(
      `DELETE FROM report_deliveries WHERE EXISTS (SELECT 1 FROM client_reports r
         WHERE r.client_id = report_deliveries.client_id AND r.week = report_deliveries.week
           AND r.built_at < ?)`,
      [iso(before)],
    );
    return (await tx.run('DELETE FROM client_reports WHERE built_at < ?', [iso(before)])).changes;
  });
}

function toReport(row: Row): StoredReport {
  return {
    clientId: String(row.client_id),
    week: String(row.week),
    slotAt: new Date(String(row.slot_at)),
    builtAt: new Date(String(row.built_at)),
    timeZone: String(row.time_zone),
    snapshot: String(row.snapshot),
    chart: text(row.chart),
    hold: String(row.hold) as ReportHold,
    approvedBy: text(row.approved_by),
    approvedAt: date(row.approved_at),
    note: text(row.note),
  };
}
