import { afterAll, describe, expect, it } from 'vitest';
import { dropTestSchemas, engines } from './support/stores.ts';

afterAll(dropTestSchemas);

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute));

for (const engine of engines) {
  describe.skipIf(!engine.available)(
    `store contract, delivery and snapshots: ${engine.name}`,
    () => {
      it('records each webhook delivery once, oldest first, pending until done, across a reopen', async () => {
        const where = engine.location();
        const first = await where.open();
        const event = { id: 'd-2', event: 'pull_request', payload: '{"a":1}', receivedAt: at(0) };
        const twice = await Promise.all([
          first.delivery.recordWebhookEvent(event),
          first.delivery.recordWebhookEvent(event),
        ]);
        expect(twice.sort()).toEqual([false, true]);
        await first.delivery.recordWebhookEvent({ ...event, id: 'd-1', receivedAt: at(0) });
        await first.delivery.recordWebhookEvent({ ...event, id: 'd-0', receivedAt: at(1) });
        await first.close();

        const store = await where.open();
        expect(await store.delivery.pendingWebhookEvents(10)).toEqual([
          { ...event, id: 'd-1', attempts: 0 },
          { ...event, attempts: 0 },
          { ...event, id: 'd-0', receivedAt: at(1), attempts: 0 },
        ]);
        expect((await store.delivery.pendingWebhookEvents(1)).map((e) => e.id)).toEqual(['d-1']);
        await store.delivery.completeWebhookEvent('d-1', at(2));
        expect((await store.delivery.pendingWebhookEvents(10)).map((e) => e.id)).toEqual([
          'd-2',
          'd-0',
        ]);
        expect(await store.delivery.recordWebhookEvent({ ...event, id: 'd-1' })).toBe(false);
        await store.close();
      });

      it('records a batch of deliveries in one go, each new once, a repeat inside the batch too', async () => {
        const store = await engine.location().open();
        const event = { id: 'b-1', event: 'pull_request', payload: '{"a":1}', receivedAt: at(0) };
        expect(await store.delivery.recordWebhookEvent(event)).toBe(true);
        expect(
          await store.delivery.recordWebhookEvents([
            event,
            { ...event, id: 'b-2' },
            { ...event, id: 'b-3', receivedAt: at(1) },
            { ...event, id: 'b-2' },
          ]),
        ).toEqual([false, true, true, false]);
        expect(await store.delivery.recordWebhookEvents([{ ...event, id: 'b-4' }])).toEqual([true]);
        expect(await store.delivery.recordWebhookEvents([])).toEqual([]);
        expect((await store.delivery.pendingWebhookEvents(10)).map((e) => e.id)).toEqual([
          'b-1',
          'b-2',
          'b-4',
          'b-3',
        ]);
        await store.close();
      });

      it('lets one replica claim a pending delivery, until it fails it or its lease runs out', async () => {
        const where = engine.location();
        const [a, b] = await Promise.all([where.open(), where.open()]);
        const event = { id: 'd-claim', event: 'pull_request', payload: '{}', receivedAt: at(0) };
        await a.delivery.recordWebhookEvent(event);
        const lease = 5 * 60_000;
        const claims = await Promise.all([
          a.delivery.claimWebhookEvent('d-claim', 'a', at(1), lease),
          b.delivery.claimWebhookEvent('d-claim', 'b', at(1), lease),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await b.delivery.claimWebhookEvent('d-claim', 'b', at(4), lease)).toBe(false);
        // Its holder died: after the lease another replica takes it.
        expect(await b.delivery.claimWebhookEvent('d-claim', 'b', at(7), lease)).toBe(true);
        // A failed attempt gives it back at once; a completed one is never claimed again.
        await b.delivery.failWebhookEvent('d-claim', 'boom', 5, at(8));
        expect(await a.delivery.claimWebhookEvent('d-claim', 'a', at(8), lease)).toBe(true);
        await a.delivery.completeWebhookEvent('d-claim', at(9));
        expect(await b.delivery.claimWebhookEvent('d-claim', 'b', at(30), lease)).toBe(false);
        await Promise.all([a.close(), b.close()]);
      });

      it('counts failed attempts and parks a delivery as failed after the last', async () => {
        const store = await engine.location().open();
        await store.delivery.recordWebhookEvent({
          id: 'd',
          event: 'check_run',
          payload: '{}',
          receivedAt: at(0),
        });
        await store.delivery.failWebhookEvent('d', 'boom'.repeat(500), 2, at(1));
        expect(await store.delivery.pendingWebhookEvents(10)).toMatchObject([
          { id: 'd', attempts: 1 },
        ]);
        await store.delivery.failWebhookEvent('d', 'boom', 2, at(2));
        expect(await store.delivery.pendingWebhookEvents(10)).toEqual([]);
        await store.close();
      });

      it('keeps the last written state per item and a cursor per repo', async () => {
        const store = await engine.location().open();
        expect(await store.delivery.lastWritten('p')).toBeUndefined();
        const prUrl = 'https://github.com/a/b/pull/1';
        await store.delivery.rememberWritten('p', { prUrl, prUpdatedAt: 't1', state: 'v1' }, at(0));
        await store.delivery.rememberWritten('p', { prUrl, prUpdatedAt: 't2', state: 'v2' }, at(1));
        expect(await store.delivery.lastWritten('p')).toEqual({
          prUrl,
          prUpdatedAt: 't2',
          state: 'v2',
        });
        expect(await store.delivery.repoCursor('a/b')).toEqual({
          etag: undefined,
          since: undefined,
        });
        const cursor = { etag: 'W/"e"', since: '2026-11-20T10:00:00Z' };
        await store.delivery.saveRepoCursor('a/b', cursor, at(2));
        expect(await store.delivery.repoCursor('a/b')).toEqual(cursor);
        await store.delivery.saveRepoCursor('a/b', { etag: undefined, since: 'x' }, at(3));
        expect(await store.delivery.repoCursor('a/b')).toEqual({ etag: undefined, since: 'x' });
        await store.close();
      });

      it('reports each unmatched pull request once, even to two replicas asking together', async () => {
        const where = engine.location();
        const [a, b] = await Promise.all([where.open(), where.open()]);
        expect(await a.delivery.markUnmatched('u2', 'Second', at(3))).toBe(true);
        expect(await b.delivery.markUnmatched('u2', 'Second', at(4))).toBe(false);
        await a.delivery.markUnmatched('u1', 'First', at(3));
        await a.delivery.markUnmatched('u0', 'Zeroth', at(5));
        const [fromA, fromB] = await Promise.all([
          a.delivery.takeUnreportedUnmatched(at(6)),
          b.delivery.takeUnreportedUnmatched(at(6)),
        ]);
        expect([...fromA, ...fromB]).toHaveLength(3);
        expect(fromA.length ? fromA : fromB).toEqual([
          { url: 'u1', title: 'First', firstSeenAt: at(3) },
          { url: 'u2', title: 'Second', firstSeenAt: at(3) },
          { url: 'u0', title: 'Zeroth', firstSeenAt: at(5) },
        ]);
        expect(await a.delivery.takeUnreportedUnmatched(at(7))).toEqual([]);
        await a.delivery.clearUnmatched('u1');
        expect(await b.delivery.markUnmatched('u1', 'First', at(8))).toBe(true);
        await Promise.all([a.close(), b.close()]);
      });

      it('reports each refused move (a pull request naming another client’s item) once, to one replica', async () => {
        const where = engine.location();
        const [a, b] = await Promise.all([where.open(), where.open()]);
        const move = (pr: string, page: string, client?: string) => ({
          prUrl: pr,
          prTitle: `PR ${pr}`,
          pageId: page,
          itemTitle: `Item ${page}`,
          itemClient: client,
        });
        expect(await a.delivery.markRefused(move('p2', 'g1', 'Globex'), at(3))).toBe(true);
        expect(await b.delivery.markRefused(move('p2', 'g1', 'Globex'), at(4))).toBe(false);
        expect(await b.delivery.markRefused(move('p2', 'g2'), at(4))).toBe(true);
        expect(await a.delivery.markRefused(move('p1', 'g1', 'Globex'), at(2))).toBe(true);
        const [fromA, fromB] = await Promise.all([
          a.delivery.takeUnreportedRefused(at(6)),
          b.delivery.takeUnreportedRefused(at(6)),
        ]);
        expect([...fromA, ...fromB]).toHaveLength(3);
        expect(fromA.length ? fromA : fromB).toEqual([
          move('p1', 'g1', 'Globex'),
          move('p2', 'g1', 'Globex'),
          move('p2', 'g2'),
        ]);
        expect(await b.delivery.takeUnreportedRefused(at(7))).toEqual([]);
        expect(await b.delivery.markRefused(move('p2', 'g1', 'Globex'), at(8))).toBe(false);
        await Promise.all([a.close(), b.close()]);
      });

      it('keeps snapshot history per client, one row per week, latest weeks oldest first', async () => {
        const store = await engine.location().open();
        const week = (w: number, pointsDone: number) => ({
          clientId: 'acme',
          week: `2026-W${String(w).padStart(2, '0')}`,
          postedAt: at(w),
          pointsDone,
          pointsTotal: 29.3,
          countDone: 4,
          countTotal: 9,
          ts: `17000000${w}.000100`,
        });
        for (const w of [48, 9, 47, 50, 49]) await store.snapshots.record(week(w, w + 0.1));
        await store.snapshots.record({ ...week(4, 1), clientId: 'other' });
        await store.snapshots.record({ ...week(50, 18.7), ts: undefined });
        expect(await store.snapshots.history('acme', 3)).toEqual([
          week(48, 48.1),
          week(49, 49.1),
          { ...week(50, 18.7), ts: undefined },
        ]);
        expect((await store.snapshots.history('acme', 10)).map((s) => s.week)).toEqual([
          '2026-W09',
          '2026-W47',
          '2026-W48',
          '2026-W49',
          '2026-W50',
        ]);
        expect(await store.snapshots.history('nobody', 3)).toEqual([]);
        await store.close();
      });
    },
  );
}
