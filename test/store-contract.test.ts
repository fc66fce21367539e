import { afterAll, describe, expect, it } from 'vitest';
import { dropTestSchemas, engines } from './support/stores.ts';

afterAll(dropTestSchemas);

// The same contract for every engine; PostgreSQL runs when a server is reachable
// (support/stores.ts prints clearly when it is not and these are skipped).
for (const engine of engines) {
  describe.skipIf(!engine.available)(`store contract: ${engine.name}`, () => {
    it('migrates an empty store and reopens it without re-applying', async () => {
      const where = engine.location();
      const first = await where.open();
      await first.meta.set('k', 'v');
      await first.close();
      const second = await where.open();
      expect(await second.meta.get('k')).toBe('v');
      expect(await second.ready()).toBe(true);
      await second.close();
      expect(await second.ready()).toBe(false);
    });

    it('claims a job slot exactly once across two stores on the same data', async () => {
      const where = engine.location();
      const [a, b] = await Promise.all([where.open(), where.open()]);
      const now = new Date('2026-11-25T09:00:00Z');
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).jobs.claimSlot('snapshot:acme', '2026-W48', `owner-${i}`, now),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const winner = `owner-${claims.indexOf(true)}`;
      await a.jobs.completeSlot('snapshot:acme', '2026-W48', '1700000000.000100', now);
      expect(await b.jobs.getSlot('snapshot:acme', '2026-W48')).toMatchObject({
        owner: winner,
        result: '1700000000.000100',
      });
      expect((await b.jobs.getSlot('snapshot:acme', '2026-W48'))?.completedAt).toEqual(now);
      await Promise.all([a.close(), b.close()]);
    });

    it('gives back an unfinished slot, never a completed one', async () => {
      const store = await engine.location().open();
      const now = new Date();
      expect(await store.jobs.claimSlot('digest', 's1', 'me', now)).toBe(true);
      await store.jobs.releaseSlot('digest', 's1', 'me');
      expect(await store.jobs.claimSlot('digest', 's1', 'other', now)).toBe(true);
      await store.jobs.completeSlot('digest', 's1', undefined, now);
      await store.jobs.releaseSlot('digest', 's1', 'other');
      expect(await store.jobs.claimSlot('digest', 's1', 'third', now)).toBe(false);
      await store.close();
    });

    it('lets a claim whose runner died be taken over once its lease expires', async () => {
      const store = await engine.location().open();
      const t0 = new Date('2026-11-25T09:00:00Z');
      const lease = 5 * 60_000;
      expect(await store.jobs.claimSlot('digest', 's', 'dead', t0, lease)).toBe(true);
      expect(
        await store.jobs.claimSlot('digest', 's', 'early', new Date(t0.getTime() + 60_000), lease),
      ).toBe(false);
      const later = new Date(t0.getTime() + lease + 1);
      const takeovers = await Promise.all([
        store.jobs.claimSlot('digest', 's', 'r1', later, lease),
        store.jobs.claimSlot('digest', 's', 'r2', later, lease),
      ]);
      expect(takeovers.filter(Boolean)).toHaveLength(1);
      await store.jobs.completeSlot('digest', 's', 'done', later);
      expect(
        await store.jobs.claimSlot(
          'digest',
          's',
          'r3',
          new Date(later.getTime() + 2 * lease),
          lease,
        ),
      ).toBe(false);
      await store.close();
    });

    it('overwrites meta values', async () => {
      const store = await engine.location().open();
      await store.meta.set('etag', 'W/"1"');
      await store.meta.set('etag', 'W/"2"');
      expect(await store.meta.get('etag')).toBe('W/"2"');
      expect(await store.meta.get('missing')).toBeUndefined();
      await store.close();
    });
  });
}
