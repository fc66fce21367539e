import { describe, expect, it } from 'vitest';
import type { DeliveryItem } from '../src/domain/delivery-item.ts';
import type { PullRequestSnapshot } from '../src/domain/pull-request.ts';
import { renderSyncReport } from '../src/features/delivery/presenter.ts';
import type { ReconcileReport } from '../src/features/delivery/reconcile-deliveries.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';

const pr = (n: number): PullRequestSnapshot => ({
  repo: 'acme/api',
  number: n,
  url: `https://github.com/acme/api/pull/${n}`,
  title: `Change ${n} ${'with a long title '.repeat(5)}`,
  body: '',
  state: 'merged',
  mergedAt: '2026-11-20T10:00:00Z',
  headSha: 'abc',
  updatedAt: '2026-11-20T10:00:00Z',
  requestedReviewers: [],
  approvers: ['alice'],
  qa: 'success',
});
const item = (n: number): DeliveryItem => ({
  pageId: `p${n}`,
  url: `https://www.notion.so/p${n}`,
  title: `Item ${n} ${'x'.repeat(80)}`,
  status: '🔄 In Review',
  prUrl: undefined,
  reviewer: undefined,
  reviewerIds: [],
  date: undefined,
  qa: undefined,
  points: 3,
  client: 'ACME',
  blocked: false,
  createdTime: '',
  lastEditedTime: '',
});

describe('renderSyncReport', () => {
  it('stays within Slack limits however much changed', () => {
    const report: ReconcileReport = {
      repos: 3,
      notModified: 1,
      checked: 300,
      updated: Array.from({ length: 200 }, (_, n) => ({
        kind: 'updated' as const,
        pr: pr(n),
        item: item(n),
        change: {
          status: '✅ Done',
          date: '2026-11-20T10:00:00Z',
          reviewer: { text: 'alice', people: [] },
        },
      })),
      unchanged: 100,
      unmatched: [],
      failed: Array.from({ length: 3 }, (_, n) => ({ repo: `acme/r${n}`, error: 'HTTP 502' })),
    };
    const unmatched = Array.from({ length: 100 }, (_, n) => ({
      url: `https://github.com/acme/api/pull/${1000 + n}`,
      title: `Orphan ${n}`,
      firstSeenAt: new Date(0),
    }));
    const message = renderSyncReport('en', report, unmatched);
    expectWithinSlackLimits(message.blocks);
    const all = JSON.stringify(message.blocks);
    expect(message.text).toBe('Updated 200 Notion items.');
    expect(all).toContain('🔄 In Review → ✅ Done · date, reviewer');
    // Whole lines only, then how many were left out: none lost silently.
    const updates = (message.blocks[1] as { text: { text: string } }).text.text.split('\n');
    const rest = Number(/^… \+(\d+)$/.exec(updates.at(-1)!)?.[1]);
    expect(updates.slice(0, -1).every((l) => l.endsWith('· date, reviewer'))).toBe(true);
    expect(updates.length - 1 + rest).toBe(200);
    expect(all).toContain('acme/api#1000');
    expect(renderSyncReport('zh-CN', report, unmatched).text).toBe('已更新 200 个 Notion 条目。');
  });
});
