import { afterAll, describe, expect, it } from 'vitest';
import type { ProposalRecord } from '../src/domain/proposal.ts';
import type { OpportunityData } from '../src/store/opportunity-store.ts';
import type { NewProposal } from '../src/store/proposal-store.ts';
import { dropTestSchemas, engines } from './support/stores.ts';

afterAll(dropTestSchemas);

const t = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));
const LEASE = 15 * 60_000;
const opportunity = (
  n: number,
  score: number,
  over: Partial<OpportunityData> & { meta?: Record<string, unknown> } = {},
): OpportunityData & { meta: Record<string, unknown> } => ({
  id: `acme/pool#${n}`,
  source: 'github',
  key: `acme/pool#${n}`,
  label: `acme/pool#${n}`,
  project: 'acme/pool',
  meta: { number: n },
  url: `https://github.com/acme/pool/issues/${n}`,
  title: `Issue ${n}`,
  labels: ['bug', 'help wanted'],
  bodyExcerpt: 'panics on Close — 关闭时崩溃',
  stars: 1234,
  comments: 3,
  score,
  reasons: [{ kind: 'label', label: 'bug', points: 0.1 }],
  ...over,
});
const draft = (id: string, opportunityId = 'acme/pool#7'): NewProposal => ({
  id,
  opportunityId,
  issueUrl: `https://github.com/${opportunityId.replace('#', '/issues/')}`,
  issueTitle: 'pool: panic on Close',
  locale: 'zh-CN',
  sections: { problem: 'p', plan: 'q', evidence: 'e', price: 'r' },
  hours: 7,
  requestedBy: 'U0USER',
  channel: 'C0CHANNEL',
  ts: '1700000001.000100',
  threadTs: '1700000000.000100',
  similar: undefined,
  createdAt: t(0),
});

for (const engine of engines) {
  describe.skipIf(!engine.available)(`store contract, radar and proposals: ${engine.name}`, () => {
    it('upserts opportunities, keeping what happened to them and exact numbers', async () => {
      const store = await engine.location().open();
      await store.opportunities.upsert([opportunity(1, 0.1), opportunity(2, 2.675)], t(0));
      await store.opportunities.markShown(['acme/pool#1'], t(1));
      await store.opportunities.markListed(['acme/pool#1', 'acme/pool#2'], 'C1', '17.1');
      await store.opportunities.upsert(
        [opportunity(1, 0.7, { title: 'old' }), opportunity(1, 0.3, { title: 'Renamed' })],
        t(5),
      );
      expect(await store.opportunities.get('acme/pool#1')).toEqual({
        ...opportunity(1, 0.3, { title: 'Renamed' }),
        firstSeenAt: t(0),
        updatedAt: t(5),
        shownAt: t(1),
        postedInDigestAt: undefined,
        dismissedAt: undefined,
        proposedAt: undefined,
        listedChannel: 'C1',
        listedTs: '17.1',
      });
      await store.opportunities.markShown(['acme/pool#1'], t(9));
      expect((await store.opportunities.get('acme/pool#1'))?.shownAt).toEqual(t(1));
      expect((await store.opportunities.get('acme/pool#2'))?.score).toBe(2.675);
      expect(await store.opportunities.get('acme/pool#404')).toBeUndefined();
      const many = await store.opportunities.getMany(['acme/pool#2', 'x/y#1', 'acme/pool#1']);
      expect(many.map((o) => o.id).sort()).toEqual(['acme/pool#1', 'acme/pool#2']);
      expect(await store.opportunities.getMany([])).toEqual([]);
      await store.close();
    });

    it('lists new open ones best first, ties by id, without dismissed or proposed ones', async () => {
      const store = await engine.location().open();
      await store.opportunities.upsert([opportunity(1, 5), opportunity(2, 9)], t(0));
      await store.opportunities.upsert(
        [opportunity(3, 5, { id: 'Zeta/pool#3' }), opportunity(4, 5, { id: 'alpha/pool#4' })],
        t(10),
      );
      await store.opportunities.upsert([opportunity(5, 99), opportunity(6, 98)], t(10));
      await store.opportunities.dismiss('acme/pool#5', t(11));
      await store.opportunities.markProposed('acme/pool#6', t(11));
      // Ids never stored become stubs that are never listed.
      await store.opportunities.dismiss('other/repo#8', t(12));
      expect((await store.opportunities.get('other/repo#8'))?.dismissedAt).toEqual(t(12));
      await store.opportunities.dismiss('acme/pool#5', t(13));
      expect((await store.opportunities.get('acme/pool#5'))?.dismissedAt).toEqual(t(11));

      const ids = async (since: Date | undefined, limit = 10) =>
        (await store.opportunities.newSince(since, limit)).map((o) => o.id);
      expect(await ids(undefined)).toEqual([
        'acme/pool#2',
        'Zeta/pool#3',
        'acme/pool#1',
        'alpha/pool#4',
      ]);
      expect(await ids(t(5))).toEqual(['Zeta/pool#3', 'alpha/pool#4']);
      expect(await ids(undefined, 1)).toEqual(['acme/pool#2']);
      await store.close();
    });

    it('claims each opportunity for one digest only, across concurrent claimers', async () => {
      const where = engine.location();
      const [a, b] = await Promise.all([where.open(), where.open()]);
      const items = Array.from({ length: 30 }, (_, i) => opportunity(i + 1, i));
      await a.opportunities.upsert(items, t(0));
      const ids = items.map((o) => o.id);
      const claims = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? a : b).opportunities.claimForDigest(
            i % 3 ? ids : [...ids].reverse(),
            `replica-${i}`,
            t(1),
            LEASE,
          ),
        ),
      );
      expect(claims.flat().sort()).toEqual([...ids].sort());
      const owner = `replica-${claims.findIndex((c) => c.includes('acme/pool#3'))}`;
      await a.opportunities.releaseDigest(['acme/pool#3'], 'someone-else');
      expect(await b.opportunities.claimForDigest(['acme/pool#3'], 'r', t(2), LEASE)).toEqual([]);
      await a.opportunities.releaseDigest(['acme/pool#3'], owner);
      expect(
        await b.opportunities.claimForDigest(['acme/pool#3', 'acme/pool#4'], 'r', t(2), LEASE),
      ).toEqual(['acme/pool#3']);
      // A claim is not a post: only markPostedInDigest sets postedInDigestAt.
      expect((await a.opportunities.get('acme/pool#3'))?.postedInDigestAt).toBeUndefined();
      await a.opportunities.markPostedInDigest(['acme/pool#3'], t(3));
      await a.opportunities.markPostedInDigest(['acme/pool#3'], t(4));
      expect((await a.opportunities.get('acme/pool#3'))?.postedInDigestAt).toEqual(t(3));
      expect(await a.opportunities.claimForDigest([], 'r', t(3), LEASE)).toEqual([]);
      await Promise.all([a.close(), b.close()]);
    });

    it('lets the next digest take items a dead replica claimed once the lease lapses, never posted ones', async () => {
      const where = engine.location();
      const [a, b] = await Promise.all([where.open(), where.open()]);
      await a.opportunities.upsert(
        [1, 2, 3].map((n) => opportunity(n, n)),
        t(0),
      );
      const ids = ['acme/pool#1', 'acme/pool#2', 'acme/pool#3'];
      expect(await a.opportunities.claimForDigest(ids, 'dead', t(0), LEASE)).toEqual(ids);
      // The dead replica's post of #1 landed before it died; #2 and #3 never went out.
      await a.opportunities.markPostedInDigest(['acme/pool#1'], t(1));
      const within = new Date(t(0).getTime() + LEASE - 1);
      expect(await b.opportunities.claimForDigest(ids, 'next', within, LEASE)).toEqual([]);
      const after = new Date(t(0).getTime() + LEASE + 1);
      const takeovers = await Promise.all([
        a.opportunities.claimForDigest(ids, 'r1', after, LEASE),
        b.opportunities.claimForDigest([...ids].reverse(), 'r2', after, LEASE),
      ]);
      expect(takeovers.flat().sort()).toEqual(['acme/pool#2', 'acme/pool#3']);
      // A giving-back by the dead replica, woken up late, cannot undo the new claims.
      await a.opportunities.releaseDigest(ids, 'dead');
      expect(await b.opportunities.claimForDigest(ids, 'r3', after, LEASE)).toEqual([]);
      await b.opportunities.markPostedInDigest(['acme/pool#2', 'acme/pool#3'], after);
      const much = new Date(after.getTime() + 10 * LEASE);
      expect(await a.opportunities.claimForDigest(ids, 'r4', much, LEASE)).toEqual([]);
      await Promise.all([a.close(), b.close()]);
    });

    it('approves a draft once of 20 concurrent presses on two stores', async () => {
      const where = engine.location();
      const [a, b] = await Promise.all([where.open(), where.open()]);
      const created = await a.proposals.create(draft('d1'));
      expect(created).toMatchObject({ state: 'drafted', version: 1, hours: 7, locale: 'zh-CN' });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? a : b).proposals.approve('d1', 1, `U${i}`, t(1)),
        ),
      );
      const winners = results.filter((r): r is ProposalRecord => r !== undefined);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ state: 'approved', version: 2, decidedAt: t(1) });
      expect(await b.proposals.get('d1')).toEqual(winners[0]);
      expect(await a.proposals.reject('d1', 2, 'U1', 'late', t(2))).toBeUndefined();
      expect(
        await b.proposals.updateSections('d1', 2, created!.sections, undefined, t(2)),
      ).toBeUndefined();
      await Promise.all([a.close(), b.close()]);
    });

    it('keeps one open draft per opportunity of 20 concurrent creates on two stores, and another once it is decided', async () => {
      const where = engine.location();
      const [a, b] = await Promise.all([where.open(), where.open()]);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).proposals.create(draft(`r${i}`))),
      );
      const winners = results.filter((r): r is ProposalRecord => r !== undefined);
      expect(winners).toHaveLength(1);
      const open = await a.proposals.openDraftFor(draft('x').opportunityId);
      expect(open?.id).toBe(winners[0]?.id);
      expect(await b.proposals.reject(open!.id, 1, 'U1', undefined, t(1))).toBeDefined();
      expect(await a.proposals.create(draft('again'))).toMatchObject({ id: 'again' });
      expect(await b.proposals.create(draft('third'))).toBeUndefined();
      await Promise.all([a.close(), b.close()]);
    });

    it('edits on the read version, rejects with a reason, and finds drafts', async () => {
      const store = await engine.location().open();
      expect(await store.proposals.create(draft('d1'))).toEqual({
        ...draft('d1'),
        state: 'drafted',
        version: 1,
        decidedBy: undefined,
        decidedAt: undefined,
        rejectReason: undefined,
        updatedAt: t(0),
      });
      const sections = { problem: 'new', plan: 'plan', evidence: '', price: '' };
      const similar = { draftId: 'd0', opportunityId: 'x/y#1', score: 0.9 };
      const edited = await store.proposals.updateSections('d1', 1, sections, similar, t(1));
      expect(edited).toMatchObject({ version: 2, sections, similar, updatedAt: t(1) });
      expect(await store.proposals.updateSections('d1', 1, sections, undefined, t(2))).toBe(
        undefined,
      );
      expect(await store.proposals.openDraftFor('acme/pool#7')).toMatchObject({ id: 'd1' });
      expect(await store.proposals.reject('d1', 2, 'U0BOSS', 'not our stack', t(3))).toMatchObject({
        state: 'rejected',
        decidedBy: 'U0BOSS',
        rejectReason: 'not our stack',
        version: 3,
      });
      expect(await store.proposals.openDraftFor('acme/pool#7')).toBeUndefined();

      await store.proposals.create({ ...draft('d2', 'acme/pool#8'), createdAt: t(4) });
      await store.proposals.create({ ...draft('d3', 'acme/pool#9'), createdAt: t(5) });
      await store.proposals.setMessage('d3', 'C0OTHER', '1700000009.000100');
      expect(await store.proposals.get('d3')).toMatchObject({
        channel: 'C0OTHER',
        ts: '1700000009.000100',
      });
      await store.proposals.discard('d2');
      expect(await store.proposals.get('d2')).toBeUndefined();
      expect((await store.proposals.recent(5)).map((p) => p.id)).toEqual(['d3', 'd1']);
      expect((await store.proposals.recent(1)).map((p) => p.id)).toEqual(['d3']);
      const many = Array.from({ length: 1200 }, (_, i) => `x/y#${i}`);
      expect(
        await store.proposals.hasDraftFor([...many, 'acme/pool#7', 'acme/pool#9', 'acme/pool#8']),
      ).toEqual(new Set(['acme/pool#7', 'acme/pool#9']));
      await store.close();
    });
  });
}
