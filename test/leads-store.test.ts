import { afterAll, describe, expect, it } from 'vitest';
import type { LeadRecord } from '../src/domain/lead.ts';
import { buildFunnel } from '../src/features/leads/funnel.ts';
import { renderFunnel } from '../src/features/leads/funnel-blocks.ts';
import { monthIn } from '../src/features/leads/leads-command.ts';
import type { OpportunityData } from '../src/store/opportunity-store.ts';
import type { NewLead } from '../src/store/repositories/leads.ts';
import type { Store } from '../src/store/store.ts';
import { dropTestSchemas, engines } from './support/stores.ts';

afterAll(dropTestSchemas);

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 10, day, hour));

const lead = (n: number, over: Partial<NewLead> = {}): NewLead => ({
  id: `PR_${n}`,
  url: `https://github.com/gin-gonic/gin/pull/${n}`,
  repo: 'gin-gonic/gin',
  number: n,
  author: 'jane-go',
  state: 'open',
  origin: 'search',
  watchedBy: undefined,
  opportunityId: undefined,
  facts: {
    title: `PR ${n}`,
    draft: false,
    ci: 'success',
    approvals: 0,
    changesRequested: 0,
    lastReply: undefined,
  },
  contributing: undefined,
  prCreatedAt: at(1),
  prUpdatedAt: '2026-11-01T09:00:00Z',
  lastEventAt: undefined,
  firstReplyAt: undefined,
  mergedAt: undefined,
  etag: undefined,
  firstSeenAt: at(2),
  ...over,
});

const opportunity = (id: string): OpportunityData => ({
  id,
  source: id.split(':')[0]!,
  key: id.split(':')[1]!,
  label: id,
  project: 'gin-gonic/gin',
  url: 'https://github.com/gin-gonic/gin/issues/1',
  title: id,
  labels: [],
  bodyExcerpt: '',
  stars: 0,
  comments: 0,
  score: 1,
  reasons: [],
});

const validation = {
  kind: 'comment' as const,
  login: 'mo',
  body: 'LGTM',
  at: '2026-11-04T09:00:00Z',
  url: 'u',
};

/**
 * A scripted history: 6 GitHub issues listed (one never shown), 4 drafted,
 * 3 approved, 2 sent, 2 with a pull request, one validated and won; a pasted
 * job post drafted and approved; two pull requests of yours without a listed
 * issue, one validated, one merged.
 */
async function script(store: Store): Promise<LeadRecord[]> {
  const gh = [1, 2, 3, 4, 5, 6, 7].map((n) => `github:gin-gonic/gin#${n}`);
  await store.opportunities.upsert([...gh, 'post:upwork-42'].map(opportunity), at(1));
  await store.opportunities.markShown(gh.slice(0, 6), at(1));
  const proposals = [
    ['d1', gh[0]!, true],
    ['d2', gh[1]!, true],
    ['d3', gh[2]!, true],
    ['d4', gh[3]!, false],
    ['d5', 'post:upwork-42', true],
  ] as const;
  for (const [id, opportunityId, approve] of proposals) {
    await store.proposals.create({
      id,
      opportunityId,
      issueUrl: 'https://github.com/gin-gonic/gin/issues/1',
      issueTitle: 't',
      locale: 'en',
      sections: { problem: 'p', plan: 'q', evidence: 'e', price: 'r' },
      hours: 3,
      requestedBy: 'U0USER',
      channel: 'C0',
      ts: '1.1',
      threadTs: undefined,
      similar: undefined,
      createdAt: at(2),
    });
    if (approve) await store.proposals.approve(id, 1, 'U0ADMIN', at(2));
  }
  expect(await store.leads.markSent('d1', gh[0]!, 'github_comment', at(3))).toBe(true);
  expect(await store.leads.markSent('d1', gh[0]!, 'marked', at(3))).toBe(false);
  // d2 went out through Comment on GitHub (issue 21's proposal_comments): sent too.
  await store.proposalComments.claim(
    'd2',
    'https://github.com/gin-gonic/gin/issues/2',
    'r1',
    at(3),
    60_000,
  );
  await store.proposalComments.complete(
    'd2',
    'r1',
    'https://github.com/gin-gonic/gin/issues/2#issuecomment-1',
    'U0ADMIN',
    at(3),
  );
  // d3's comment is still being posted: not sent yet.
  await store.proposalComments.claim(
    'd3',
    'https://github.com/gin-gonic/gin/issues/3',
    'r1',
    at(3),
    60_000,
  );
  await store.leads.create(lead(1, { opportunityId: gh[0], firstReplyAt: at(4) }));
  await store.leads.create(lead(2, { opportunityId: gh[1] }));
  await store.leads.create(lead(3, { firstReplyAt: at(3, 21), state: 'merged' }));
  await store.leads.create(lead(4, { state: 'closed' }));
  await store.leads.claimValidation('PR_1', validation, at(4));
  await store.leads.claimValidation('PR_3', { ...validation, kind: 'merged' }, at(3));
  await store.leads.recordWon('PR_1', { amount: 1200, currency: 'USD', by: 'U0ADMIN' }, at(30, 23));
  return store.leads.all();
}

for (const engine of engines) {
  describe.skipIf(!engine.available)(`leads store: ${engine.name}`, () => {
    it('records a lead once; validates it once, however many claim; won only when validated', async () => {
      const location = engine.location();
      const [a, b] = [await location.open(), await location.open()];
      expect(await a.leads.create(lead(1))).toMatchObject({
        id: 'PR_1',
        state: 'open',
        ts: undefined,
      });
      expect(await b.leads.create(lead(1))).toBeUndefined();
      expect(
        await a.leads.recordWon('PR_1', { amount: 5, currency: 'USD', by: 'U1' }, at(5)),
      ).toBeUndefined();
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).leads.claimValidation('PR_1', validation, at(5)),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      await a.leads.update('PR_1', { state: 'merged', repo: 'gin-org/gin', etag: '"e1"' }, at(6));
      await b.leads.setMessage('PR_1', 'C0LEADS', '17.1');
      expect(
        await b.leads.recordWon('PR_1', { amount: 1200.5, currency: 'USD', by: 'U1' }, at(7)),
      ).toMatchObject({
        state: 'merged',
        repo: 'gin-org/gin',
        etag: '"e1"',
        ts: '17.1',
        validation,
        won: { amount: 1200.5, currency: 'USD', by: 'U1', at: at(7) },
      });
      await a.close();
      await b.close();
    });

    it('the funnel over a scripted history: counts, conversion, reply time, merge rate, won per month', async () => {
      const store = await engine.location().open();
      const leads = await script(store);
      const f = buildFunnel(await store.leads.funnelRows(), leads, monthIn('Europe/Berlin'));
      const counts = (steps: { count: number }[]) => steps.map((s) => s.count);
      expect(f.sources.map((s) => s.source)).toEqual(['github', 'post']);
      // listed, drafted, approved, sent, PR opened, validated, won
      expect(counts(f.sources[0]!.steps)).toEqual([6, 4, 3, 2, 2, 1, 1]);
      expect(f.sources[0]!.steps.map((s) => s.rate)).toEqual([
        undefined,
        4 / 6,
        3 / 4,
        2 / 3,
        1,
        1 / 2,
        1,
      ]);
      // The pasted post was never listed by /gigs, but drafting it means it was seen.
      expect(counts(f.sources[1]!.steps)).toEqual([1, 1, 1, 0, 0, 0, 0]);
      expect(counts(f.direct)).toEqual([2, 1, 0]);
      expect(f.medianReplyDays).toBe(2.75); // 3 days and 2.5 days
      expect({ merged: f.merged, total: f.total, open: f.open }).toEqual({
        merged: 1,
        total: 4,
        open: 2,
      });
      // 30 November 23:00 UTC is already December in Berlin.
      expect(f.wonByMonth).toEqual([{ month: '2026-12', currency: 'USD', amount: 1200, count: 1 }]);

      for (const [locale, money] of [
        ['en', '$1,200'],
        ['zh-CN', 'US$1,200'],
      ] as const) {
        const shown = JSON.stringify(
          renderFunnel(f, { locale, channel: 'C0LEADS', money: true, notes: [] }),
        );
        expect(shown).toContain(money);
      }
      const en = JSON.stringify(
        renderFunnel(f, { locale: 'en', channel: 'C0LEADS', money: true, notes: [] }),
      );
      expect(en).toContain('*Pasted job posts*');
      expect(en).toContain(
        'listed *6* → drafted *4* (67%) → approved *3* (75%) → sent *2* (67%) → PR opened *2* (100%) → validated *1* (50%) → won *1* (100%)',
      );
      expect(en).toContain('*2.8 days* (2 PRs)');
      expect(en).toContain('Merge rate: *25%* (1 of 4 pull requests merged)');
      await store.close();
    });
  });
}
