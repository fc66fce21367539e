import { describe, expect, it } from 'vitest';
import type { ProposalRecord } from '../src/domain/proposal.ts';
import { createSqliteStore } from '../src/store/sqlite/index.ts';
import type { NewProposal } from '../src/store/store.ts';
import { tempDir } from './support/env.ts';

const now = new Date('2026-11-23T10:00:00Z');
const draft = (id: string, opportunityId = 'acme/pool#7'): NewProposal => ({
  id,
  opportunityId,
  issueUrl: `https://github.com/${opportunityId.replace('#', '/issues/')}`,
  issueTitle: 'pool: panic on Close',
  locale: 'en',
  sections: { problem: 'p', plan: 'q', evidence: 'e', price: 'r' },
  hours: 7,
  requestedBy: 'U0USER',
  channel: 'C0CHANNEL',
  ts: '1700000001.000100',
  threadTs: '1700000000.000100',
  similar: undefined,
  createdAt: now,
});

describe('proposals store (SQLite)', () => {
  it('moves drafted → approved once, with a version, whatever the number of racers', async () => {
    const dir = tempDir();
    const a = createSqliteStore(dir);
    const b = createSqliteStore(dir);
    const created = await a.proposals.create(draft('d1'));
    expect(created).toMatchObject({ state: 'drafted', version: 1, ts: '1700000001.000100' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).proposals.approve('d1', 1, `U${i}`, now),
      ),
    );
    const winners = results.filter((r): r is ProposalRecord => r !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ state: 'approved', version: 2 });
    expect(await a.proposals.reject('d1', 2, 'U1', 'late', now)).toBeUndefined();
    expect(
      await a.proposals.updateSections('d1', 2, created.sections, undefined, now),
    ).toBeUndefined();
    await a.close();
    await b.close();
  });

  it('edits only on the version it was read at, and rejects with a reason', async () => {
    const store = createSqliteStore(tempDir());
    await store.proposals.create(draft('d1'));
    const sections = { problem: 'new', plan: 'plan', evidence: '', price: '' };
    const similar = { draftId: 'd0', opportunityId: 'x/y#1', score: 0.9 };
    const edited = await store.proposals.updateSections('d1', 1, sections, similar, now);
    expect(edited).toMatchObject({ version: 2, sections, similar });
    expect(await store.proposals.updateSections('d1', 1, sections, undefined, now)).toBeUndefined();
    const rejected = await store.proposals.reject('d1', 2, 'U0BOSS', 'not our stack', now);
    expect(rejected).toMatchObject({
      state: 'rejected',
      decidedBy: 'U0BOSS',
      rejectReason: 'not our stack',
      decidedAt: now,
    });
    await store.close();
  });

  it('answers which opportunities have a draft in any state, and keeps it across restarts', async () => {
    const dir = tempDir();
    const first = createSqliteStore(dir);
    await first.proposals.create(draft('d1', 'a/b#1'));
    await first.proposals.create(draft('d2', 'a/b#2'));
    await first.proposals.reject('d2', 1, 'U1', undefined, now);
    await first.close();

    const second = createSqliteStore(dir);
    expect(await second.proposals.hasDraftFor(['a/b#1', 'a/b#2', 'a/b#3'])).toEqual(
      new Set(['a/b#1', 'a/b#2']),
    );
    expect(await second.proposals.hasDraftFor([])).toEqual(new Set());
    expect((await second.proposals.openDraftFor('a/b#1'))?.id).toBe('d1');
    expect(await second.proposals.openDraftFor('a/b#2')).toBeUndefined();
    expect((await second.proposals.recent(10)).map((p) => p.id).sort()).toEqual(['d1', 'd2']);
    expect(await second.proposals.get('d1')).toMatchObject({
      channel: 'C0CHANNEL',
      ts: '1700000001.000100',
      threadTs: '1700000000.000100',
      requestedBy: 'U0USER',
    });
    await second.close();
  });
});
