import { afterAll, describe, expect, it } from 'vitest';
import type { StoredReport } from '../src/store/report-store.ts';
import { dropTestSchemas, engines } from './support/stores.ts';

afterAll(dropTestSchemas);

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 15, minute));
const report = (extra: Partial<StoredReport> = {}): StoredReport => ({
  clientId: 'acme',
  week: '2026-W48',
  slotAt: at(0),
  builtAt: at(-5),
  timeZone: 'America/New_York',
  snapshot: '{"clientName":"ACME 简体中文"}',
  chart: 'iVBORw0KGgo=',
  hold: 'none',
  approvedBy: undefined,
  approvedAt: undefined,
  note: undefined,
  ...extra,
});
const EMAIL = { clientId: 'acme', week: '2026-W48', channel: 'email' };
const LEASE = 10 * 60_000;

for (const engine of engines) {
  describe.skipIf(!engine.available)(`store contract, client reports: ${engine.name}`, () => {
    it('keeps the first report of a client and week, across a reopen and a second replica', async () => {
      const where = engine.location();
      const [a, b] = [await where.open(), await where.open()];
      const saved = await Promise.all([
        a.reports.save(report()),
        b.reports.save(report({ snapshot: '{"second":true}' })),
      ]);
      expect(saved.sort()).toEqual([false, true]);
      await a.close();
      const kept = await b.reports.get('acme', '2026-W48');
      expect([report().snapshot, '{"second":true}']).toContain(kept?.snapshot);
      expect(kept).toMatchObject({ slotAt: at(0), builtAt: at(-5), chart: 'iVBORw0KGgo=' });
      expect(await b.reports.get('acme', '2026-W49')).toBeUndefined();
      await b.close();
    });

    it('approves a held report once, with its note; an expired one can no longer be approved', async () => {
      const store = await engine.location().open();
      await store.reports.save(report({ hold: 'held' }));
      const approvals = await Promise.all([
        store.reports.approve('acme', '2026-W48', 'U0ADMIN', 'Staging is back', at(1)),
        store.reports.approve('acme', '2026-W48', 'U0OTHER', undefined, at(1)),
      ]);
      expect(approvals.sort()).toEqual([false, true]);
      const approved = await store.reports.get('acme', '2026-W48');
      expect(approved?.hold).toBe('approved');
      expect(approved?.approvedAt).toEqual(at(1));
      expect(await store.reports.expire('acme', '2026-W48')).toBe(false);

      await store.reports.save(report({ week: '2026-W49', hold: 'held' }));
      expect(await store.reports.expire('acme', '2026-W49')).toBe(true);
      expect(await store.reports.expire('acme', '2026-W49')).toBe(false);
      expect(await store.reports.approve('acme', '2026-W49', 'U0ADMIN', undefined, at(2))).toBe(
        false,
      );
      await store.close();
    });

    it('gives a delivery to one claimer; a failure waits for its time, a dead claim for its lease, a sent one never goes again', async () => {
      const where = engine.location();
      const [a, b] = [await where.open(), await where.open()];
      const claims = await Promise.all([
        a.reports.claimDelivery(EMAIL, 'a', at(0), LEASE),
        b.reports.claimDelivery(EMAIL, 'b', at(0), LEASE),
      ]);
      const owner = claims[0] ? 'a' : 'b';
      expect([...claims].sort()).toEqual([false, true]);
      await a.reports.failDelivery(EMAIL, owner, 'connect ECONNREFUSED', at(5));
      expect(await a.reports.delivery(EMAIL)).toMatchObject({
        state: 'failed',
        attempts: 1,
        nextAt: at(5),
        lastError: 'connect ECONNREFUSED',
      });
      expect(await b.reports.claimDelivery(EMAIL, 'b', at(4), LEASE)).toBe(false);
      expect(await b.reports.claimDelivery(EMAIL, 'b', at(5), LEASE)).toBe(true);
      // b dies holding it: another replica takes it after the lease.
      expect(await a.reports.claimDelivery(EMAIL, 'a', at(14), LEASE)).toBe(false);
      expect(await a.reports.claimDelivery(EMAIL, 'a', at(16), LEASE)).toBe(true);
      // A late answer of the dead claimer changes nothing.
      await b.reports.completeDelivery(EMAIL, 'b', at(17), 'late');
      expect((await a.reports.delivery(EMAIL))?.state).toBe('sending');
      await a.reports.completeDelivery(EMAIL, 'a', at(17), '<snapshot.acme.2026-W48@x.example>');
      expect(await a.reports.delivery(EMAIL)).toMatchObject({
        state: 'sent',
        attempts: 3,
        doneAt: at(17),
        result: '<snapshot.acme.2026-W48@x.example>',
      });
      expect(await b.reports.claimDelivery(EMAIL, 'b', at(90), LEASE)).toBe(false);

      const pdf = { ...EMAIL, channel: 'slack-pdf' };
      expect(await a.reports.claimDelivery(pdf, 'a', at(0), LEASE)).toBe(true);
      await a.reports.failDelivery(pdf, 'a', 'x'.repeat(900), undefined);
      expect(await a.reports.delivery(pdf)).toMatchObject({ state: 'given_up', nextAt: undefined });
      expect((await a.reports.delivery(pdf))?.lastError).toHaveLength(500);
      expect(await b.reports.claimDelivery(pdf, 'b', at(900), LEASE)).toBe(false);
      await a.close();
      await b.close();
    });

    it('forgets the reports built before a time with their deliveries, and keeps the rest', async () => {
      const store = await engine.location().open();
      const OLD = { ...EMAIL, week: '2026-W30' };
      await store.reports.save(report({ week: '2026-W30', builtAt: at(-120 * 24 * 60) }));
      await store.reports.save(report());
      for (const key of [OLD, EMAIL]) {
        expect(await store.reports.claimDelivery(key, 'a', at(0), LEASE)).toBe(true);
        await store.reports.completeDelivery(key, 'a', at(1), 'sent');
      }
      expect(await store.reports.prune(at(-60 * 24 * 60))).toBe(1);
      expect(await store.reports.get('acme', '2026-W30')).toBeUndefined();
      expect(await store.reports.delivery(OLD)).toBeUndefined();
      expect(await store.reports.get('acme', '2026-W48')).toMatchObject({ week: '2026-W48' });
      expect(await store.reports.delivery(EMAIL)).toMatchObject({ state: 'sent' });
      expect(await store.reports.prune(at(-60 * 24 * 60))).toBe(0);
      await store.close();
    });
  });
}
