import type { KnownBlock } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Opportunity } from '../src/domain/opportunity.ts';
import {
  renderOpportunities,
  withDraftPosted,
  withoutOpportunity,
} from '../src/features/radar/opportunity-blocks.ts';
import { startTestBot } from './support/bot.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { FakeGitHubIssues } from './support/fake-github-issues.ts';
import { goPanicIssue } from './support/github-fixtures.ts';
import { buttonPress } from './support/proposal-payloads.ts';
import { interactionBody, signedHeaders } from './support/slack-sign.ts';

/** Issue 19, item 9: the listing says what is true after a Dismiss or a Draft. */

const NOW = new Date('2026-11-30T12:00:00Z');
const opp = (n: number): Opportunity & { seen: boolean } =>
  ({
    id: `github:acme/rpc#${n}`,
    source: 'github',
    key: `acme/rpc#${n}`,
    label: `acme/rpc#${n}`,
    project: 'acme/rpc',
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
    const once = withoutOpportunity(blocks, 'github:acme/rpc#2', 'en');
    expect(header(once)).toContain('1–4 of 5');
    // A replayed press finds the entry gone: nothing more is taken off the count.
    expect(header(withoutOpportunity(once, 'github:acme/rpc#2', 'en'))).toContain('1–4 of 5');
  });
});

describe('the listing after a Draft', () => {
  it('offers no more Draft for that entry and says where the draft is', () => {
    const blocks = listing();
    const inThread = withDraftPosted(blocks, 'github:acme/rpc#3', 'en', 'thread')!;
    const entry = JSON.stringify(inThread);
    expect(entry).toContain('Draft posted, in the thread below.');
    expect(entry.match(/"value":"acme\/rpc#3"/g) ?? []).toHaveLength(0);
    expect(entry).toContain('"value":"github:acme/rpc#4"');
    expect(
      JSON.stringify(
        withDraftPosted(blocks, 'github:acme/rpc#3', 'en', { channel: 'C0PROPOSALS' }),
      ),
    ).toContain('Draft posted in <#C0PROPOSALS>.');
    expect(withDraftPosted(blocks, 'github:acme/rpc#99', 'en', 'thread')).toBeUndefined();
  });
});

describe('Draft proposal pressed on a listing, through a signed request', () => {
  let gh: FakeGitHubIssues;
  beforeAll(async () => {
    gh = await new FakeGitHubIssues().start();
    gh.issues.set('acme/pool#7', goPanicIssue());
  });
  afterAll(async () => {
    await gh.stop();
  });

  it('updates that listing: the entry says its draft is in the thread, and offers Draft no more', async () => {
    const t = await startTestBot('proposals:\n  hourlyRate: 100\n', { GITHUB_API_URL: gh.url });
    try {
      const pool = {
        ...opp(7),
        id: 'github:acme/pool#7',
        key: 'acme/pool#7',
        label: 'acme/pool#7',
        project: 'acme/pool',
      };
      const blocks = renderOpportunities(
        { items: [pool, opp(8)], offset: 0, total: 2, filters: '', nextOffset: undefined },
        'en',
        NOW,
      ).blocks as KnownBlock[];
      const ts = '1700000000.000100';
      const payload = buttonPress('opportunity_draft', 'github:acme/pool#7', { messageTs: ts });
      const body = interactionBody({ ...payload, message: { ...payload.message, blocks } });
      const res = await fetch(`${t.url}/slack/events`, {
        method: 'POST',
        body,
        headers: signedHeaders(SIGNING_SECRET, body),
      });
      expect(res.status).toBe(200);
      const update = await t.slack.waitFor('chat.update', (c) => c.params.ts === ts);
      expect(update.params.channel).toBe('C0CHANNEL');
      const json = JSON.stringify(update.params.blocks);
      expect(json).toContain('Draft posted, in the thread below.');
      expect(json).not.toContain('"value":"github:acme/pool#7"');
      expect(json).toContain('"value":"github:acme/rpc#8"'); // the other entry keeps its buttons
      const draft = t.slack
        .callsTo('chat.postMessage')
        .find((c) => JSON.stringify(c.params.blocks).includes('proposal_approve'));
      expect(draft?.params.thread_ts).toBe(ts);
    } finally {
      await t.close();
    }
  });
});
