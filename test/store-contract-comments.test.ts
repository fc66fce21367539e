import { afterAll, describe, expect, it } from 'vitest';
import { dropTestSchemas, engines } from './support/stores.ts';

afterAll(dropTestSchemas);

const t = (second: number) => new Date(Date.UTC(2026, 11, 4, 9, 0, second));
const LEASE = 120_000;
const URL = 'https://github.com/acme/pool/issues/7';

for (const engine of engines) {
  describe.skipIf(!engine.available)(`store contract, proposal comments: ${engine.name}`, () => {
    it('gives one claim of many at once, and the posted link to every later one', async () => {
      const where = engine.location();
      const [a, b] = [await where.open(), await where.open()];
      try {
        const claims = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 ? a : b).proposalComments.claim('d1', URL, `owner-${i}`, t(0), LEASE),
          ),
        );
        const won = claims.filter((c) => c.kind === 'claimed');
        expect(won).toEqual([{ kind: 'claimed', retake: false, since: t(0) }]);
        expect(claims.filter((c) => c.kind === 'busy')).toHaveLength(19);
        const winner = claims.findIndex((c) => c.kind === 'claimed');
        // Only the claim's owner completes it.
        await a.proposalComments.complete('d1', 'someone-else', 'https://x', 'U0', t(1));
        expect((await a.proposalComments.get('d1'))?.state).toBe('posting');
        await b.proposalComments.complete(
          'd1',
          `owner-${winner}`,
          `${URL}#issuecomment-1`,
          'U0BOSS',
          t(2),
        );
        const later = await a.proposalComments.claim('d1', URL, 'late', t(3), LEASE);
        expect(later).toMatchObject({
          kind: 'posted',
          comment: {
            proposalId: 'd1',
            issueUrl: URL,
            state: 'posted',
            commentUrl: `${URL}#issuecomment-1`,
            postedBy: 'U0BOSS',
            postedAt: t(2),
            attempts: 1,
          },
        });
        // A posted comment is never taken over, however old.
        expect(
          await a.proposalComments.claim(
            'd1',
            URL,
            'much-later',
            new Date(t(0).getTime() + 10 * LEASE),
            LEASE,
          ),
        ).toMatchObject({ kind: 'posted' });
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('takes over a claim past its lease or given back, as a retake from the first try', async () => {
      const store = await engine.location().open();
      try {
        const c = store.proposalComments;
        expect(await c.claim('d2', URL, 'dead', t(0), LEASE)).toMatchObject({ retake: false });
        expect(await c.claim('d2', URL, 'early', t(60), LEASE)).toEqual({ kind: 'busy' });
        const late = new Date(t(0).getTime() + LEASE + 1000);
        expect(await c.claim('d2', URL, 'taker', late, LEASE)).toEqual({
          kind: 'claimed',
          retake: true,
          since: t(0),
        });
        // The dead owner's late answer changes nothing.
        await c.complete('d2', 'dead', 'https://late', 'U0', late);
        await c.giveBack('d2', 'dead');
        expect(await c.claim('d2', URL, 'other', late, LEASE)).toEqual({ kind: 'busy' });
        // Given back by its owner (no answer from GitHub): the next press takes it at once.
        await c.giveBack('d2', 'taker');
        expect(await c.claim('d2', URL, 'next', late, LEASE)).toMatchObject({
          kind: 'claimed',
          retake: true,
        });
        expect((await c.get('d2'))?.attempts).toBe(3);
        // Released (GitHub refused it): the next claim is a first try again.
        await c.release('d2', 'next');
        expect(await c.get('d2')).toBeUndefined();
        expect(await c.claim('d2', URL, 'fresh', late, LEASE)).toMatchObject({ retake: false });
      } finally {
        await store.close();
      }
    });
  });
}
