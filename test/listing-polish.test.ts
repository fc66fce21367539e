import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../src/domain/opportunity.ts';
import {
  renderOpportunities,
  withDraftPosted,
  withoutOpportunity,
} from '../src/features/radar/opportunity-blocks.ts';

/** Issue 19, item 9: the listing says what is true after a Dismiss or a Draft. */

const NOW = new Date('2026-11-30T12:00:00Z');
const opp = (n: number): Opportunity & { seen: boolean } =>
  ({
    id: `acme/rpc#${n}`,
    repo: 'acme/rpc',
    number: n,
    url: `https://github.com/acme/rpc/issues/${n}`,
    title: `Issue ${n}`,
    labels: ['help wanted'],
    bodyExcerpt: '',
    stars: 900,
    comments: 12,
    score: 50 - n,
    reasons: [],
    createdAt: new Date('2026-10-01T00:00:00Z'),
    updatedAt: new Date('2026-11-20T00:00:00Z'),
    seen: false,
  }) as unknown as Opportunity & { seen: boolean };

const listing = () =>
  renderOpportunities(
    { items: [1, 2, 3, 4, 5].map(opp), offset: 0, total: 6, filters: '', nextOffset: 5 },
    'en',
    NOW,
  ).blocks as KnownBlock[];

const header = (blocks: KnownBlock[]) => JSON.stringify(blocks[0]);

describe('the listing after a Dismiss', () => {
  it('counts again: "1–5 of 6" becomes "1–4 of 5", once however often the press repeats', () => {
    const blocks = listing();
    expect(header(blocks)).toContain('1–5 of 6');
    const once = withoutOpportunity(blocks, 'acme/rpc#2', 'en');
    expect(header(once)).toContain('1–4 of 5');
    // A replayed press finds the entry gone: nothing more is taken off the count.
    expect(header(withoutOpportunity(once, 'acme/rpc#2', 'en'))).toContain('1–4 of 5');
  });
});

describe('the listing after a Draft', () => {
  it('offers no more Draft for that entry and says where the draft is', () => {
    const blocks = listing();
    const inThread = withDraftPosted(blocks, 'acme/rpc#3', 'en', 'thread')!;
    const entry = JSON.stringify(inThread);
    expect(entry).toContain('Draft posted, in the thread below.');
    expect(entry.match(/"value":"acme\/rpc#3"/g) ?? []).toHaveLength(0);
    expect(entry).toContain('"value":"acme/rpc#4"');
    expect(
      JSON.stringify(withDraftPosted(blocks, 'acme/rpc#3', 'en', { channel: 'C0PROPOSALS' })),
    ).toContain('Draft posted in <#C0PROPOSALS>.');
    expect(withDraftPosted(blocks, 'acme/rpc#99', 'en', 'thread')).toBeUndefined();
  });
});
