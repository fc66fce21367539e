import type { Sql } from '../sql.ts';
import { date, iso, text } from '../sql.ts';
import type { JobStore, SlotRecord } from '../store.ts';

/** Slot claims are single conditional statements: exactly one winner on either engine. */
export function jobRepository(sql: Sql): JobStore {
  return {
    async claimSlot(job, slot, owner, now, leaseMs) {
      const inserted = await sql.run(
        'INSERT INTO job_slots (job, slot, owner, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT (job, slot) DO NOTHING',
        [job, slot, owner, iso(now)],
      );
      if (inserted.changes === 1) return true;
      if (leaseMs === undefined) return false;
      const stale = iso(new Date(now.getTime() - leaseMs));
      const taken = await sql.run(
        'UPDATE job_slots SET owner = ?, claimed_at = ? WHERE job = ? AND slot = ? AND completed_at IS NULL AND claimed_at < ?',
        [owner, iso(now), job, slot, stale],
      );
      return taken.changes === 1;
    },
    async completeSlot(job, slot, result, now) {
      await sql.run(
        'UPDATE job_slots SET completed_at = ?, result = ? WHERE job = ? AND slot = ?',
        [iso(now), result ?? null, job, slot],
      );
    },
    async releaseSlot(job, slot, owner) {
      await sql.run(
        'DELETE FROM job_slots WHERE job = ? AND slot = ? AND owner = ? AND completed_at IS NULL',
        [job, slot, owner],
      );
    },
    async pruneSlots(job, before) {
      const r = await sql.run(
        'DELETE FROM job_slots WHERE job = ? AND completed_at IS NOT NULL AND completed_at < ?',
        [job, iso(before)],
      );
      return r.changes;
    },
    async getSlot(job, slot): Promise<SlotRecord | undefined> {
      const row = await sql.get('SELECT * FROM job_slots WHERE job = ? AND slot = ?', [job, slot]);
      if (!row) return undefined;
      return {
        job: String(row.job),
        slot: String(row.slot),
        owner: String(row.owner),
        claimedAt: new Date(String(row.claimed_at)),
        completedAt: date(row.completed_at),
        result: text(row.result),
      };
    },
  };
}
