import { afterAll, describe, expect, it } from 'vitest';
import { RECONCILE_JOB } from '../src/features/delivery/jobs.ts';
import { pruneStore, RETENTION_MS } from '../src/features/delivery/prune-store.ts';
import { silentLogger } from './support/delivery.ts';
import { dropTestSchemas, engines } from './support/stores.ts';

afterAll(dropTestSchemas);

const DAY = 24 * 60 * 60_000;
const now = new Date(Date.UTC(2026, 10, 24, 3, 41));
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);

for (const engine of engines) {
  describe.skipIf(!engine.available)(`store pruning: ${engine.name}`, () => {
    it('forgets finished deliveries older than the retention, keeps pending and recent ones', async () => {
      const store = await engine.location().open();
      const old = daysAgo(20);
      const recent = daysAgo(2);
      const rec = (id: string, receivedAt: Date) =>
        store.delivery.recordWebhookEvent({ id, event: 'pull_request', payload: '{}', receivedAt });
      for (const id of ['old-done', 'old-failed', 'old-pending']) await rec(id, old);
      await rec('new-done', recent);
      await store.delivery.completeWebhookEvent('old-done', old);
      await store.delivery.failWebhookEvent('old-failed', 'boom', 1, old);
      await store.delivery.completeWebhookEvent('new-done', recent);

      const report = await pruneStore({ store, logger: silentLogger, now: () => now }, []);
      expect(report).toEqual({ webhookEvents: 2, slots: 0 });
      // The pending one is still there to process; the recent one still dedupes a redelivery.
      expect((await store.delivery.pendingWebhookEvents(10)).map((e) => e.id)).toEqual([
        'old-pending',
      ]);
      expect(await rec('new-done', recent)).toBe(false);
      // A forgotten delivery would be new again: it is past GitHub's redelivery window.
      expect(await rec('old-done', old)).toBe(true);
      expect(await pruneStore({ store, logger: silentLogger, now: () => now }, [])).toEqual({
        webhookEvents: 0,
        slots: 0,
      });
      await store.close();
    });

    it("forgets only the named jobs' completed slots older than the retention", async () => {
      const store = await engine.location().open();
      const { jobs } = store;
      const slot = async (job: string, name: string, at: Date, complete: boolean) => {
        expect(await jobs.claimSlot(job, name, 'me', at)).toBe(true);
        if (complete) await jobs.completeSlot(job, name, undefined, at);
      };
      await slot(RECONCILE_JOB, 'old', daysAgo(15), true);
      await slot(RECONCILE_JOB, 'old-unfinished', daysAgo(15), false);
      await slot(RECONCILE_JOB, 'recent', new Date(now.getTime() - RETENTION_MS + 60_000), true);
      await slot('snapshot:acme', '2026-W30', daysAgo(120), true);

      const report = await pruneStore({ store, logger: silentLogger, now: () => now }, [
        RECONCILE_JOB,
      ]);
      expect(report).toEqual({ webhookEvents: 0, slots: 1 });
      expect(await jobs.getSlot(RECONCILE_JOB, 'old')).toBeUndefined();
      expect(await jobs.getSlot(RECONCILE_JOB, 'old-unfinished')).toBeDefined();
      expect(await jobs.getSlot(RECONCILE_JOB, 'recent')).toBeDefined();
      // A snapshot week's slot is what keeps its post exactly-once: never pruned.
      expect(await jobs.getSlot('snapshot:acme', '2026-W30')).toBeDefined();
      await store.close();
    });
  });
}
