import type { DatabaseSync } from 'node:sqlite';
import type { JobStore, SlotRecord } from '../store.ts';
import { date, iso, text } from './db.ts';

export function sqliteJobs(db: DatabaseSync): JobStore {
  const claim = db.prepare(
    'INSERT INTO job_slots (job, slot, owner, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT (job, slot) DO NOTHING',
  );
  const takeOver = db.prepare(
    'UPDATE job_slots SET owner = ?, claimed_at = ? WHERE job = ? AND slot = ? AND completed_at IS NULL AND claimed_at < ?',
  );
  const complete = db.prepare(
    'UPDATE job_slots SET completed_at = ?, result = ? WHERE job = ? AND slot = ?',
  );
  const release = db.prepare(
    'DELETE FROM job_slots WHERE job = ? AND slot = ? AND owner = ? AND completed_at IS NULL',
  );
  const get = db.prepare('SELECT * FROM job_slots WHERE job = ? AND slot = ?');
  return {
    async claimSlot(job, slot, owner, now, leaseMs) {
      if (claim.run(job, slot, owner, iso(now)).changes === 1) return true;
      if (leaseMs === undefined) return false;
      const stale = iso(new Date(now.getTime() - leaseMs));
      return takeOver.run(owner, iso(now), job, slot, stale).changes === 1;
    },
    async completeSlot(job, slot, result, now) {
      complete.run(iso(now), result ?? null, job, slot);
    },
    async releaseSlot(job, slot, owner) {
      release.run(job, slot, owner);
    },
    async getSlot(job, slot): Promise<SlotRecord | undefined> {
      const row = get.get(job, slot);
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
