import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  renderSnapshotEmailHtml,
  renderSnapshotHtml,
} from '../src/features/reports/html.ts';
import {
  chineseSnapshot,
  REPORT_ZONE,
  reportChart,
  reportItem,
  smallSnapshot,
} from './support/report-snapshot.ts';

/** A client and items named by someone hostile in Notion. */
function hostileSnapshot() {
  const s = smallSnapshot('<img src=x onerror=alert(1)> & Co');
  s.inReview.push(
    reportItem('"><script>alert(document.cookie)</script>', {
      url: 'javascript:alert(1)',
      pr: 'https://evil.example/"onmouseover="alert(1)',
      reviewer: "<b onclick='x'>Mallory</b>",
    }),
  );
  return s;
}

/** Every src and href value, and every tag name, as a browser would find them. */
const attributes = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);
const tags = (html: string) =>
  new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/gi)].map((m) => m[1]!.toLowerCase()));

describe('the report as a web page (issue 23)', () => {
  const chart = reportChart().toString('base64');

  it('is a complete phone-readable page with the figures, blockers first, and the chart inlined', () => {
    const html = renderSnapshotHtml(smallSnapshot(), {
      locale: 'en',
      timeZone: REPORT_ZONE,
      chartPngBase64: chart,
    });
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    for (const expected of [
      '<title>Weekly snapshot · ACME Corp · Week 48, 2026</title>',
      'Week 48, 2026 · as of Wed, Nov 25, 10:00 EST',
      'owner Dana · needs VPN credentials from ACME IT · no update for 4 days',
      '18 of 26 points · by points',
      '4 of 8 items · by count',
      'style="width:69.2%"',
      'Checkout flow &#60;script&#62;alert(1)&#60;/script&#62;',
      'reviewer Ana &#38; Bo · CI success · <a href="https://github.com/acme/api/pull/42" rel="noopener noreferrer">pull request</a>',
      `<img src="data:image/png;base64,${chart}"`,
      'Done this week counts from Wed, Nov 18, 10:00 EST.',
    ]) {
      expect(html).toContain(expected);
    }
    const at = [
      'Blockers (1)',
      'Completion overall',
      'Done this week (2)',
      'In review',
      'Next up',
    ].map((h) => html.indexOf(h));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(at[0]).toBeGreaterThan(0);
  });

  it('has no script, fetches nothing, and shows hostile Notion text as text', () => {
    for (const html of [
      renderSnapshotHtml(hostileSnapshot(), {
        locale: 'en',
        timeZone: REPORT_ZONE,
        chartPngBase64: chart,
      }),
      renderSnapshotEmailHtml(hostileSnapshot(), {
        locale: 'en',
        timeZone: REPORT_ZONE,
        chart: true,
        unsubscribeNote: 'Reply to stop.',
      }),
    ]) {
      expect([...tags(html)].sort()).not.toContain('script');
      for (const t of ['iframe', 'object', 'embed', 'link', 'base', 'form', 'b'])
        expect(tags(html)).not.toContain(t);
      for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).not.toMatch(/\son[a-z]+=/i);
      for (const src of attributes(html, 'src'))
        expect(src).toMatch(/^(data:image\/png;base64,|cid:chart@gigops$)/);
      for (const href of attributes(html, 'href')) expect(href).toMatch(/^https:\/\//);
      expect(attributes(html, 'href')).not.toContain('javascript:alert(1)');
      expect(html).toContain(escapeHtml('<img src=x onerror=alert(1)> & Co'));
      expect(html).toContain(escapeHtml('"><script>alert(document.cookie)</script>'));
      expect(html).toContain('href="https://evil.example/&#34;onmouseover=&#34;alert(1)"');
      expect(html).toContain(escapeHtml("reviewer <b onclick='x'>Mallory</b>"));
    }
  });

  it('leaves the chart out when there is none, or when what is given is not base64', () => {
    for (const chartPngBase64 of [undefined, 'AAAA" onerror="alert(1)']) {
      const html = renderSnapshotHtml(smallSnapshot(), {
        locale: 'en',
        timeZone: REPORT_ZONE,
        chartPngBase64,
      });
      expect(tags(html)).not.toContain('img');
    }
  });

  it('speaks 简体中文 with lang="zh-CN"', () => {
    const html = renderSnapshotHtml(chineseSnapshot(), { locale: 'zh-CN', timeZone: REPORT_ZONE });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('每周进度快照 · 华东物流有限公司');
    expect(html).toContain('负责人 李雷 · 需要：客户提供 VPN 凭据');
    expect(html).toContain('13 / 21 点 · 按故事点');
  });
});

describe('the report as an e-mail’s HTML part', () => {
  it('is tables and inline styles, with the chart as cid:chart@gigops and the notes at the bottom', () => {
    const html = renderSnapshotEmailHtml(smallSnapshot(), {
      locale: 'en',
      timeZone: REPORT_ZONE,
      chart: true,
      link: 'https://gigops.example.com/r/abc.def',
      unsubscribeNote: 'To stop these e-mails, reply and say so.',
      attachedNote: 'The same report is attached as a PDF.',
    });
    expect(tags(html)).not.toContain('style');
    expect(tags(html)).not.toContain('div');
    expect(html).toContain('<img src="cid:chart@gigops" width="480" height="200"');
    expect(html).toContain('18 of 26 points · by points');
    expect(html).toContain(' width="69%"');
    expect(html).toContain('href="https://gigops.example.com/r/abc.def"');
    expect(html.indexOf('The same report is attached as a PDF.')).toBeLessThan(
      html.indexOf('To stop these e-mails, reply and say so.'),
    );
    const without = renderSnapshotEmailHtml(smallSnapshot(), {
      locale: 'en',
      timeZone: REPORT_ZONE,
      chart: false,
      unsubscribeNote: 'x',
    });
    expect(tags(without)).not.toContain('img');
  });
});

describe('a held report’s note and “sent late” (issue 23, step 6)', () => {
  const o = {
    locale: 'en' as const,
    timeZone: REPORT_ZONE,
    note: 'Staging <b>is</b> back & ready',
    late: true,
  };
  it('shows both under the title on the page and in the e-mail, escaped', () => {
    const page = renderSnapshotHtml(smallSnapshot(), o);
    const mail = renderSnapshotEmailHtml(smallSnapshot(), {
      ...o,
      chart: false,
      unsubscribeNote: 'reply to stop',
    });
    for (const html of [page, mail]) {
      expect(html).toContain('Sent late: it was approved after its scheduled time.');
      expect(html).toContain('Note: Staging &#60;b&#62;is&#60;/b&#62; back &#38; ready');
      expect(html.indexOf('Note:')).toBeLessThan(html.indexOf('Completion overall'));
    }
    expect(renderSnapshotHtml(smallSnapshot(), { ...o, note: '  ', late: false })).not.toMatch(
      /Note:|Sent late/,
    );
  });
});
