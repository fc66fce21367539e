import type { JobStore } from '../store.ts';
import { date, iso, type Pool, text } from './db.ts';

export function postgresJobs(pool: Pool): JobStore {
  return {
    async claimSlot(job, slot, owner, now, leaseMs) {
      const inserted = await pool.query(
        'INSERT INTO job_slots (job, slot, owner, claimed_at) VALUES ($1, $2, $3, $4) ON CONFLICT (job, slot) DO NOTHING',
        [job, slot, owner, iso(now)],
      );
      if (inserted.rowCount === 1) return true;
      if (leaseMs === undefined) return false;
      const taken = await pool.query(
        'UPDATE job_slots SET owner = $3, claimed_at = $4 WHERE job = $1 AND slot = $2 AND completed_at IS NULL AND claimed_at < $5',
        [job, slot, owner, iso(now), iso(new Date(now.getTime() - leaseMs))],
      );
      return taken.rowCount === 1;
    },
    async completeSlot(job, slot, result, now) {
      await pool.query(
        'UPDATE job_slots SET completed_at = $1, result = $2 WHERE job = $3 AND slot = $4',
        [iso(now), result ?? null, job, slot],
      );
    },
    async releaseSlot(job, slot, owner) {
      await pool.query(
        'DELETE FROM job_slots WHERE job = $1 AND slot = $2 AND owner = $3 AND completed_at IS NULL',
        [job, slot, owner],
      );
    },
    async getSlot(job, slot) {
      const { rows } = await pool.query('SELECT * FROM job_slots WHERE job = $1 AND slot = $2', [
        job,
        slot,
      ]);
      const row = rows[0] as Record<string, unknown> | undefined;
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
