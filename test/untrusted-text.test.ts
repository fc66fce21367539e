import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, mrkdwnLink, safeUrl } from '../src/blocks/mrkdwn.ts';
import type { ClientSnapshot } from '../src/domain/build-client-snapshot.ts';
import type { Opportunity } from '../src/domain/opportunity.ts';
import type { ProposalRecord } from '../src/domain/proposal.ts';
import type { SnapshotItem } from '../src/domain/snapshot-item.ts';
import { renderSchemaProblems, renderSyncReport } from '../src/features/delivery/presenter.ts';
import { renderProposal } from '../src/features/proposals/draft-blocks.ts';
import { renderDigest, renderOpportunities } from '../src/features/radar/opportunity-blocks.ts';
import { renderClientSnapshot } from '../src/features/snapshots/snapshot-blocks.ts';

/** What an attacker puts in an issue title, a Notion property or an LLM reply. */
const HOSTILE = '<!channel> <!here> <@U0EVIL> <https://evil.example|click> &lt;!everyone&gt; a|b';
const HOSTILE_URLS = [
  'https://evil.example|click here',
  'javascript:alert(1)',
  'https://ok.example/>x<!channel',
  'not a url',
];

/**
 * Every string Slack parses as mrkdwn: the top-level text, and every text of
 * every block except plain_text objects (headers, buttons), which Slack never
 * turns into mentions or links.
 */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (
    value &&
    typeof value === 'object' &&
    (value as { type?: unknown }).type !== 'plain_text'
  )
    for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** Only links the renderers build (bot-made or validated http(s) URLs) and our own mention. */
const ALLOWED = /^<(@U0USER|https?:\/\/(github\.com|www\.notion\.so)\/[^|<>\s]*\|[^<>]*)>$/;

function expectInert(message: unknown) {
  for (const s of strings(message)) {
    for (const tag of s.match(/<[^>]*>/g) ?? []) expect(tag, s).toMatch(ALLOWED);
    expect(s).not.toMatch(/<!|<@(?!U0USER>)|<https?:\/\/evil/);
  }
}

describe('untrusted text in every renderer', () => {
  it('escapes &, < and > and links only safe http(s) URLs', () => {
    expect(escapeMrkdwn('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
    expect(safeUrl('https://github.com/a/b/pull/1')).toBe('https://github.com/a/b/pull/1');
    for (const url of HOSTILE_URLS) expect(safeUrl(url), url).toBeUndefined();
    expect(mrkdwnLink('javascript:alert(1)', '<!here>')).toBe('&lt;!here&gt;');
    expect(mrkdwnLink('https://github.com/x', 'a<b')).toBe('<https://github.com/x|a&lt;b>');
  });

  it('a proposal draft, approved or drafted, keeps a hostile title and sections as text (notification text too)', () => {
    for (const state of ['drafted', 'approved', 'rejected'] as const) {
      const record: ProposalRecord = {
        id: 'draft-1',
        opportunityId: 'acme/pool#7',
        issueUrl: 'https://github.com/acme/pool/issues/7',
        issueTitle: HOSTILE,
        locale: 'en',
        sections: { problem: HOSTILE, plan: HOSTILE, evidence: HOSTILE, price: HOSTILE },
        hours: 3,
        state,
        version: 1,
        requestedBy: 'U0USER',
        channel: 'C0CHANNEL',
        ts: '1.2',
        threadTs: undefined,
        similar: { opportunityId: HOSTILE, score: 0.9 } as ProposalRecord['similar'],
        decidedBy: state === 'drafted' ? undefined : 'U0USER',
        decidedAt: state === 'drafted' ? undefined : new Date('2026-11-23T10:00:00Z'),
        rejectReason: state === 'rejected' ? HOSTILE : undefined,
        createdAt: new Date('2026-11-23T10:00:00Z'),
        updatedAt: new Date('2026-11-23T10:00:00Z'),
      };
      const message = renderProposal(record, { canPolish: true });
      expect(message.text).not.toContain('<!channel>');
      expectInert(message);
      expectInert(renderProposal({ ...record, issueUrl: HOSTILE_URLS[0]! }, { canPolish: false }));
    }
  });

  it('a listing and a digest keep hostile titles and labels as text', () => {
    const o: Opportunity & { seen: boolean } = {
      id: 'github:acme/pool#7',
      source: 'github',
      key: 'acme/pool#7',
      label: 'acme/pool#7',
      project: 'acme/pool',
      url: 'https://github.com/acme/pool/issues/7',
      title: HOSTILE,
      labels: [HOSTILE],
      bodyExcerpt: HOSTILE,
      stars: 900,
      comments: 12,
      createdAt: new Date('2026-11-01T00:00:00Z'),
      lastMaintainerReplyAt: undefined,
      lastCommentAt: undefined,
      bounty: undefined,
      score: 80,
      reasons: [{ kind: 'comments', count: 12 }],
      seen: false,
    };
    const now = new Date('2026-11-23T10:00:00Z');
    const listing = { items: [o], offset: 0, total: 1, filters: HOSTILE, nextOffset: undefined };
    expectInert(renderOpportunities(listing, 'en', now));
    expectInert(renderDigest([{ ...o, url: HOSTILE_URLS[1]! }], 'en', now));
  });

  it('the sync report keeps PR titles, Notion titles, statuses and property names as text', () => {
    const message = renderSyncReport(
      'en',
      {
        repos: 1,
        notModified: 0,
        checked: 1,
        unchanged: 0,
        updated: [
          {
            kind: 'updated',
            pr: {
              repo: 'acme/api',
              number: 1,
              url: 'https://github.com/acme/api/pull/1',
              title: HOSTILE,
              body: '',
              state: 'open',
              mergedAt: undefined,
              headSha: 'abc',
              updatedAt: '2026-11-20T10:00:00Z',
              requestedReviewers: [],
              approvers: [],
              qa: undefined,
            },
            item: {
              pageId: 'p1',
              url: 'https://www.notion.so/p1',
              title: HOSTILE,
              status: HOSTILE,
              prUrl: undefined,
              reviewer: undefined,
              reviewerIds: [],
              date: undefined,
              qa: undefined,
              points: 1,
              client: 'ACME',
              blocked: false,
              createdTime: '',
              lastEditedTime: '',
            },
            change: { status: HOSTILE },
          },
        ],
        unmatched: [],
        failed: [{ repo: 'acme/api', error: HOSTILE }],
      } as Parameters<typeof renderSyncReport>[1],
      [{ url: HOSTILE_URLS[0]!, title: HOSTILE, firstSeenAt: new Date(0) }],
    );
    expectInert(message);
    expectInert(
      renderSchemaProblems('en', [
        { kind: 'missing', key: 'status', name: HOSTILE, expected: ['status'] },
        { kind: 'missing_option', key: 'merged', property: HOSTILE, option: HOSTILE },
      ] as Parameters<typeof renderSchemaProblems>[1]),
    );
  });

  it('the snapshot links a Notion `PR` property only when it is a safe URL', () => {
    const item = (n: number, pr: string): SnapshotItem => ({
      id: `id-${n}`,
      url: `https://www.notion.so/item${n}`,
      title: HOSTILE,
      status: HOSTILE,
      points: 1,
      blocked: false,
      pr,
      reviewer: HOSTILE,
      qa: HOSTILE,
      date: undefined,
      createdTime: new Date('2026-11-01T00:00:00Z'),
      lastEditedTime: new Date('2026-11-20T00:00:00Z'),
    });
    const items = HOSTILE_URLS.map((u, n) => item(n, u));
    const snapshot: ClientSnapshot = {
      clientId: 'acme',
      clientName: 'ACME Corp',
      notionUrl: 'https://www.notion.so/acme',
      at: new Date('2026-11-25T15:00:00Z'),
      since: new Date('2026-11-18T15:00:00Z'),
      points: { done: 1, total: 4 },
      count: { done: 1, total: 4 },
      doneThisWeek: items.map((i) => ({ ...i, doneAt: new Date('2026-11-20T00:00:00Z') })),
      inReview: items,
      blockers: items.map((i) => ({ ...i, ageDays: 2 })),
      nextUp: items,
    };
    const message = renderClientSnapshot(snapshot, { locale: 'en', timeZone: 'UTC' });
    expectInert(message);
    expect(JSON.stringify(message)).toContain(' · PR');
  });
});
