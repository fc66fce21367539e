import { inflateSync } from 'node:zlib';
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  crc32,
  PNG_SIGNATURE,
  renderCompletionChart,
} from '../src/blocks/completion-chart.ts';
import type { ClientSnapshot } from '../src/domain/build-client-snapshot.ts';
import type { SnapshotItem } from '../src/domain/snapshot-item.ts';
import { HOME_MAX_BLOCKS, renderHome } from '../src/features/home/home-blocks.ts';
import { renderSnapshotPreview } from '../src/features/snapshots/preview-blocks.ts';
import { renderClientSnapshot } from '../src/features/snapshots/snapshot-blocks.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';

const item = (n: number, extra: Partial<SnapshotItem> = {}): SnapshotItem => ({
  id: `id-${n}`,
  url: `https://www.notion.so/item${n}`,
  title: `Item ${n} ${'with a long title '.repeat(8)}`,
  status: '🔄 In Review',
  points: 3,
  blocked: false,
  pr: `https://github.com/acme/api/pull/${n}`,
  reviewer: 'Ana <script>',
  qa: 'success',
  date: undefined,
  createdTime: new Date('2026-11-01T00:00:00Z'),
  lastEditedTime: new Date('2026-11-20T00:00:00Z'),
  ...extra,
});

const many = (n: number) => Array.from({ length: n }, (_, i) => item(i));
const big: ClientSnapshot = {
  clientId: 'acme',
  clientName: 'ACME Corp',
  notionUrl: 'https://www.notion.so/acme',
  at: new Date('2026-11-25T15:00:00Z'),
  since: new Date('2026-11-18T15:00:00Z'),
  points: { done: 18, total: 26 },
  count: { done: 7, total: 12 },
  doneThisWeek: many(40).map((i) => ({ ...i, doneAt: new Date('2026-11-20T00:00:00Z') })),
  inReview: many(40),
  blockers: many(40).map((i) => ({ ...i, ageDays: 4 })),
  nextUp: many(40),
};

describe('the snapshot message', () => {
  it('names each blocker’s owner and what it needs when Notion says so, as text (issue 23)', () => {
    const s: ClientSnapshot = {
      ...big,
      blockers: [
        {
          ...item(1, { title: 'Staging database access' }),
          owner: 'Dana <!channel>',
          blockedReason: 'VPN credentials from ACME IT <https://evil.example|click>',
          ageDays: 4,
        },
        { ...item(2, { title: 'Old blocker' }), ageDays: 9 },
      ],
    };
    for (const locale of ['en', 'zh-CN'] as const) {
      const msg = renderClientSnapshot(s, { locale, timeZone: 'America/New_York' });
      expectWithinSlackLimits(msg.blocks, 'message');
      const text = JSON.stringify(msg.blocks);
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<https://evil.example');
      if (locale === 'en') {
        expect(text).toContain(
          'owner Dana &lt;!channel&gt; · needs VPN credentials from ACME IT &lt;https://evil.example|click&gt; · no update for 4 days',
        );
        expect(text).toContain('Old blocker');
        expect(text).toMatch(/Old blocker[^•]*> · no update for 9 days/);
      } else {
        expect(text).toContain('负责人 Dana &lt;!channel&gt; · 需要：VPN credentials');
      }
    }
  });

  it('puts blockers first, shows both rates labelled, and stays within Slack limits', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const msg = renderClientSnapshot(big, { locale, timeZone: 'America/New_York', late: true });
      expectWithinSlackLimits(msg.blocks, 'message');
      const text = JSON.stringify(msg.blocks);
      if (locale === 'en') {
        expect(text).toContain('18 of 26 points · 7 of 12 items');
        expect(text).toContain('by points');
        expect(text).toContain('by count');
        expect(text).toContain('no update for 4 days');
        expect(text).toContain('…and 32 more');
        expect(text).not.toContain('<script>');
        const blockers = msg.blocks.findIndex((b) => JSON.stringify(b).includes('Blockers'));
        const completion = msg.blocks.findIndex((b) => JSON.stringify(b).includes('Completion'));
        expect(blockers).toBeGreaterThan(0);
        expect(blockers).toBeLessThan(completion);
      }
    }
  });

  it('adds Post now (snapshot_post, value = client id) to the preview only', () => {
    const preview = renderSnapshotPreview(big, { locale: 'en', timeZone: 'UTC' }, 'C0ACME');
    const button = preview.blocks.at(-1) as { accessory: { action_id: string; value: string } };
    expect(button.accessory).toMatchObject({ action_id: 'snapshot_post', value: 'acme' });
    const post = renderClientSnapshot(big, { locale: 'en', timeZone: 'UTC' });
    expect(JSON.stringify(post.blocks)).not.toContain('snapshot_post');
  });
});

describe('the completion chart', () => {
  it('is a valid PNG of the stated size with correct chunk CRCs', () => {
    const png = renderCompletionChart([{ rate: 0.2 }, { rate: 0.45 }, { rate: 0.7 }]);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(CHART_WIDTH);
    expect(png.readUInt32BE(20)).toBe(CHART_HEIGHT);
    let offset = 8;
    const chunks: string[] = [];
    let idat = Buffer.alloc(0);
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const type = png.toString('ascii', offset + 4, offset + 8);
      const body = png.subarray(offset + 4, offset + 8 + length);
      expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(body));
      if (type === 'IDAT') idat = Buffer.concat([idat, body.subarray(4)]);
      chunks.push(type);
      offset += 12 + length;
    }
    expect(chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(inflateSync(idat).length).toBe((CHART_WIDTH * 3 + 1) * CHART_HEIGHT);
  });

  it('draws taller bars for higher completion', () => {
    const raw = (rate: number) =>
      inflateSync(
        renderCompletionChart([{ rate }]).subarray(41, -12), // IDAT data of a one-IDAT PNG
      );
    const coloured = (buf: Buffer) => {
      let n = 0;
      for (let i = 0; i < buf.length - 2; i += 3) if (buf[i] === 46 && buf[i + 1] === 139) n++;
      return n;
    };
    expect(coloured(raw(0.8))).toBeGreaterThan(coloured(raw(0.2)) * 3);
  });
});

describe('the App Home', () => {
  it('keeps within 100 blocks however much the other sections bring', () => {
    const section = (n: number): KnownBlock[] =>
      Array.from({ length: n }, (_, i) => ({
        type: 'section',
        text: { type: 'mrkdwn', text: `row ${i}` },
      }));
    const view = renderHome({
      locale: 'en',
      timeZone: 'Europe/Berlin',
      now: new Date('2026-11-23T12:00:00Z'),
      sections: [section(30), section(40), section(30)],
      clients: Array.from({ length: 60 }, (_, i) => ({
        name: `Client ${i}`,
        timeZone: 'America/New_York',
        points: { done: 1, total: 2 },
        count: { done: 1, total: 3 },
        blockers: i % 3,
        failed: i === 5,
        nextSnapshot: new Date('2026-11-25T15:00:00Z'),
      })),
      notionOn: true,
      health: [
        ['slack', { lastSuccess: new Date('2026-11-23T11:00:00Z'), lastError: undefined }],
        [
          'notion',
          {
            lastSuccess: undefined,
            lastError: { at: new Date('2026-11-23T10:00:00Z'), message: 'HTTP 401' },
          },
        ],
      ],
    });
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
    expectWithinSlackLimits(view.blocks, 'view');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('row 29');
    expect(text).toContain('*Client 0* · 50% (33% items)');
    expect(text).toContain('last error');
    expect(text).toContain('HTTP 401');
  });
});

describe('copy a client reads right (issue 19, item 8)', () => {
  it('says the completion rate is overall, and names the zone of every time', () => {
    const message = renderClientSnapshot(
      { ...big, since: new Date('2026-11-25T15:00:00Z') },
      { locale: 'en', timeZone: 'America/New_York' },
    );
    expect(message.text).toMatch(/^ACME Corp: \d+% complete overall$/);
    const all = JSON.stringify(message.blocks);
    expect(all).toContain('Completion overall');
    expect(all).toContain('Since Wed, Nov 25, 10:00 EST');
    const zh = renderClientSnapshot(big, { locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(zh.text).toContain('总体完成度');
    expect(JSON.stringify(zh.blocks)).toMatch(/GMT\+8/);
  });
});
