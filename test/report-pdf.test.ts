import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderSnapshotPdf } from '../src/features/reports/pdf.ts';
import {
  bigSnapshot,
  chineseSnapshot,
  REPORT_ZONE,
  reportChart,
  smallSnapshot,
} from './support/report-snapshot.ts';

/** The PDF read back as a reader's viewer would: its pages' text, in order. */
async function readPdf(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

describe('the snapshot as a PDF (issue 23)', () => {
  it('shows the client, the week, both rates, blockers first with owner and need, and the chart', async () => {
    const pdf = await renderSnapshotPdf(smallSnapshot(), {
      locale: 'en',
      timeZone: REPORT_ZONE,
      chartPng: reportChart(),
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(200_000);
    const { pages, text } = await readPdf(pdf);
    expect(pages).toBe(1);
    for (const expected of [
      'Weekly snapshot · ACME Corp',
      'Week 48, 2026 · as of Wed, Nov 25, 10:00 EST',
      'Blockers (1)',
      'Staging database access',
      'owner Dana · needs VPN credentials from ACME IT · no update for 4 days',
      'Completion overall',
      '18 of 26 points · by points',
      '69%',
      '4 of 8 items · by count',
      '50%',
      'Done this week (2)',
      'Checkout flow <script>alert(1)</script>',
      'Invoice export',
      'In review (1)',
      'Payment webhook retries',
      'reviewer Ana & Bo · CI success · pull request',
      'Next up (2)',
      'Search by SKU',
      'Done this week counts from Wed, Nov 18, 10:00 EST.',
    ]) {
      expect(text).toContain(expected);
    }
    const order = ['Blockers', 'Completion overall', 'Done this week (', 'In review', 'Next up'];
    const at = order.map((h) => text.indexOf(h));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // Older Done items and Closed ones are not this week's.
    expect(text).not.toContain('Old login page');
    expect(text).not.toContain('Cancelled idea');
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });

  it('renders 简体中文 with the font embedded, so any viewer shows it', async () => {
    const pdf = await renderSnapshotPdf(chineseSnapshot(), {
      locale: 'zh-CN',
      timeZone: REPORT_ZONE,
      chartPng: reportChart(),
    });
    const { pages, text } = await readPdf(pdf);
    expect(pages).toBe(1);
    for (const expected of [
      '每周进度快照 · 华东物流有限公司',
      '2026 年第 48 周',
      '阻塞项（1）',
      '预发布数据库访问',
      '负责人 李雷 · 需要：客户提供 VPN 凭据',
      '总体完成度',
      '13 / 21 点 · 按故事点',
      '2 / 5 项 · 按条目数',
      '本周完成（2）',
      '结账流程重构',
      '评审中（1）',
      '评审人 王芳',
      '接下来（1）',
      '按商品编码搜索',
    ]) {
      expect(text).toContain(expected);
    }
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansHans-Regular/); // a subset, embedded
    expect(raw).toContain('/FontFile3');
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('keeps a 1,000-item client to two pages under 200 KB, with the counts of what it leaves out', async () => {
    const snapshot = bigSnapshot(1000);
    for (const locale of ['en', 'zh-CN'] as const) {
      const pdf = await renderSnapshotPdf(snapshot, {
        locale,
        timeZone: REPORT_ZONE,
        chartPng: reportChart(),
      });
      expect(pdf.length).toBeLessThan(200_000);
      const { pages, text } = await readPdf(pdf);
      expect(pages).toBeLessThanOrEqual(2);
      if (locale === 'en') {
        const { points, count, inReview } = snapshot;
        expect(text).toContain(`${points.done} of ${points.total} points · by points`);
        expect(text).toContain(`${count.done} of ${count.total} items · by count`);
        expect(text).toContain(`In review (${inReview.length})`);
        expect(text).toContain(`…and ${inReview.length - 10} more`);
      } else {
        expect(text).toContain(`……另有 ${snapshot.nextUp.length - 10} 项`);
      }
    }
  });
});

describe('a held report’s note and “sent late” in the PDF (issue 23, step 6)', () => {
  it('are under the title, in both languages', async () => {
    const en = await readPdf(
      await renderSnapshotPdf(smallSnapshot(), {
        locale: 'en',
        timeZone: REPORT_ZONE,
        note: 'Staging access is back; thanks!',
        late: true,
      }),
    );
    expect(en.text).toContain('Sent late: it was approved after its scheduled time.');
    expect(en.text).toContain('Note: Staging access is back; thanks!');
    expect(en.text.indexOf('Note:')).toBeLessThan(en.text.indexOf('Completion overall'));
    const zh = await readPdf(
      await renderSnapshotPdf(chineseSnapshot(), {
        locale: 'zh-CN',
        timeZone: REPORT_ZONE,
        note: '预发布环境已恢复',
      }),
    );
    expect(zh.text).toContain('备注：预发布环境已恢复');
  });
});
