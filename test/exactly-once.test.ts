import { afterAll, describe, expect, it } from 'vitest';
import { runExactlyOnce } from '../src/scheduling/exactly-once.ts';
import { dropTestSchemas, engines } from './support/stores.ts';

afterAll(dropTestSchemas);

const now = new Date('2026-11-25T15:00:00Z');
const deps = (
  store: Awaited<ReturnType<ReturnType<(typeof engines)[number]['location']>['open']>>,
  id: string,
) => ({
  store,
  instanceId: id,
  now: () => now,
});

// One protocol for every scheduled post and exclusive run (issue 20): claim, run, complete or give back.
for (const engine of engines) {
  describe.skipIf(!engine.available)(`runExactlyOnce: ${engine.name}`, () => {
    it('runs a slot once of 10 concurrent tries on two stores, and tells the others whose it is', async () => {
      const where = engine.location();
      const [a, b] = await Promise.all([where.open(), where.open()]);
      let runs = 0;
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          runExactlyOnce(
            deps(i % 2 ? a : b, `r${i}`),
            { job: 'j', slot: 's', leaseMs: 60_000 },
            async () => {
              runs += 1;
              return { value: i, result: `done by r${i}` };
            },
          ),
        ),
      );
      expect(runs).toBe(1);
      const winner = outcomes.find((o) => o.ran);
      expect(winner).toBeDefined();
      // Each of the others is told whose the slot is (its result may not be written yet).
      const owner = `r${(winner as { value: number }).value}`;
      for (const o of outcomes.filter((x) => !x.ran))
        expect(o).toMatchObject({ ran: false, slot: { owner } });
      await Promise.all([a.close(), b.close()]);
    });

    it('gives the slot back when the run fails, so the next try runs it', async () => {
      const store = await engine.location().open();
      const slot = { job: 'j', slot: 's', leaseMs: 60_000 };
      await expect(
        runExactlyOnce(deps(store, 'a'), slot, async () => {
          throw new Error('Slack down');
        }),
      ).rejects.toThrow('Slack down');
      expect(
        await runExactlyOnce(deps(store, 'b'), slot, async () => ({ value: 'ok', result: 'ok' })),
      ).toEqual({
        ran: true,
        value: 'ok',
      });
      expect(
        (await runExactlyOnce(deps(store, 'c'), slot, async () => ({ value: 'again' }))).ran,
      ).toBe(false);
      await store.close();
    });

    it('as a lock: one run at a time, and free again once it is done', async () => {
      const store = await engine.location().open();
      const lock = { job: 'reconcile', slot: 'lock', leaseMs: 60_000, mode: 'lock' as const };
      let release!: () => void;
      const first = runExactlyOnce(
        deps(store, 'a'),
        lock,
        () =>
          new Promise<{ value: string }>((r) => {
            release = () => r({ value: 'first' });
          }),
      );
      await new Promise((r) => setTimeout(r, 20));
      expect(
        (await runExactlyOnce(deps(store, 'b'), lock, async () => ({ value: 'second' }))).ran,
      ).toBe(false);
      release();
      expect(await first).toEqual({ ran: true, value: 'first' });
      expect(
        await runExactlyOnce(deps(store, 'c'), lock, async () => ({ value: 'third' })),
      ).toEqual({
        ran: true,
        value: 'third',
      });
      await store.close();
    });
  });
}
