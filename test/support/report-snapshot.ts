import { renderCompletionChart } from '../../src/blocks/completion-chart.ts';
import {
  buildClientSnapshot,
  type ClientSnapshot,
} from '../../src/domain/build-client-snapshot.ts';
import type { SnapshotItem } from '../../src/domain/snapshot-item.ts';

/**
 * Client snapshots for the report tests and bench, built by the real
 * buildClientSnapshot from items shaped as the Notion reader yields them.
 */
export const REPORT_ZONE = 'America/New_York';
export const REPORT_NOW = new Date('2026-11-25T15:00:00Z'); // Wed 10:00 EST
export const REPORT_SINCE = new Date('2026-11-18T15:00:00Z');
export const REPORT_WEEK = '2026-W48';
const STATUS = { draft: '📝 Draft', open: '🔄 In Review', merged: '✅ Done', closed: '⛔ Closed' };

let n = 0;
export function reportItem(title: string, extra: Partial<SnapshotItem> = {}): SnapshotItem {
  n += 1;
  return {
    id: `item-${n}`,
    url: `https://www.notion.so/item${n}`,
    title,
    status: 'Not started',
    points: 3,
    blocked: false,
    pr: undefined,
    reviewer: undefined,
    qa: undefined,
    date: undefined,
    createdTime: new Date(Date.UTC(2026, 10, 1, 0, n % 60)),
    lastEditedTime: new Date('2026-11-20T00:00:00Z'),
    ...extra,
  };
}

const done = (title: string, points: number, extra: Partial<SnapshotItem> = {}) =>
  reportItem(title, {
    status: STATUS.merged,
    points,
    date: { start: '2026-11-23T16:00:00Z', hasTime: true },
    pr: 'https://github.com/acme/api/pull/41',
    ...extra,
  });

/** 18 of 26 points, 4 of 8 items; one blocker with an owner and a reason. */
export function smallSnapshot(client = 'ACME Corp'): ClientSnapshot {
  const items = [
    done('Checkout flow <script>alert(1)</script>', 8),
    done('Invoice export', 5),
    done('Old login page', 5, { date: { start: '2026-10-01', hasTime: false } }),
    reportItem('Payment webhook retries', {
      status: STATUS.open,
      points: 3,
      pr: 'https://github.com/acme/api/pull/42',
      reviewer: 'Ana & Bo',
      qa: 'success',
    }),
    reportItem('Staging database access', {
      blocked: true,
      points: 2,
      owner: 'Dana',
      blockedReason: 'VPN credentials from ACME IT',
      lastEditedTime: new Date('2026-11-21T15:00:00Z'),
    }),
    reportItem('Search by SKU', { points: 3 }),
    reportItem('Nightly report e-mail', { points: undefined }),
    reportItem('Cancelled idea', { status: STATUS.closed, points: 13 }),
    done('Dark mode', 0, { date: { start: '2026-09-01', hasTime: false } }),
  ];
  return build(items, client);
}

/** The same shape in 简体中文: titles, client, owner and reason in Chinese. */
export function chineseSnapshot(): ClientSnapshot {
  const items = [
    done('结账流程重构', 8),
    done('发票导出', 5),
    reportItem('支付回调重试', { status: STATUS.open, points: 3, reviewer: '王芳' }),
    reportItem('预发布数据库访问', {
      blocked: true,
      points: 2,
      owner: '李雷',
      blockedReason: '客户提供 VPN 凭据',
      lastEditedTime: new Date('2026-11-21T15:00:00Z'),
    }),
    reportItem('按商品编码搜索', { points: 3 }),
  ];
  return build(items, '华东物流有限公司');
}

/** `count` items in every state, long titles, some in Chinese: the worst case for size and time. */
export function bigSnapshot(count = 1000): ClientSnapshot {
  const states = [STATUS.merged, STATUS.open, STATUS.draft, STATUS.closed, 'Not started'];
  const items = Array.from({ length: count }, (_, i) =>
    reportItem(
      `${i % 3 === 0 ? '重构订单服务的第' : 'Refactor the order service, part '}${i} ${'with a long title '.repeat(6)}`,
      {
        status: states[i % states.length]!,
        points: (i % 8) + 1,
        blocked: i % 37 === 0,
        owner: i % 2 ? 'Dana' : undefined,
        blockedReason: i % 37 === 0 ? 'access from the client' : undefined,
        date: { start: `2026-11-2${i % 5}T12:00:00Z`, hasTime: true },
        reviewer: i % 2 ? 'Ana' : 'Bo',
        qa: 'success',
        pr: `https://github.com/acme/api/pull/${i}`,
      },
    ),
  );
  return build(items, 'ACME Corp');
}

function build(items: SnapshotItem[], name: string): ClientSnapshot {
  return buildClientSnapshot({
    items,
    client: { id: 'acme', name, notionUrl: 'https://www.notion.so/acme' },
    statusMap: STATUS,
    now: REPORT_NOW,
    since: REPORT_SINCE,
    timeZone: REPORT_ZONE,
  });
}

/** The weekly chart as the snapshot job draws it: eight weeks, this one last. */
export const reportChart = () =>
  renderCompletionChart([0.2, 0.3, 0.35, 0.4, 0.5, 0.55, 0.6, 0.69].map((rate) => ({ rate })));
