import type { ClientSnapshot } from '../../domain/build-client-snapshot.ts';
import { reportCopy } from '../../i18n/reports.ts';
import {
  type ReportBar,
  type ReportContent,
  type ReportLine,
  type ReportOptions,
  type ReportSection,
  reportContent,
} from './report-content.ts';

/**
 * The snapshot as HTML: the read-only page behind `GET /r/<token>` and the
 * e-mail's HTML part. Neither has a script or fetches anything: the page
 * inlines its chart as a data: URI, the e-mail points at its inline CID
 * attachment. Every piece of text from Notion (titles, the client's name,
 * owners, reasons) is escaped, and links are only the http(s) URLs that
 * report-content.ts let through.
 */
/** The language, zone and week; the approver's note and "sent late", when there are. */
export type HtmlOptions = ReportOptions;

/** `&`, `<`, `>`, `"` and `'`: safe in text and in a quoted attribute. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const INK = '#1d1c1d';
const MUTED = '#616061';
const RED = '#b42318';
const TRACK = '#e2e4e8';
const FILL = '#2e8b57';
const FONT = `-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', sans-serif`;

const link = (url: string | undefined, label: string, style = '') =>
  url
    ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer"${style ? ` style="${style}"` : ''}>${escapeHtml(label)}</a>`
    : escapeHtml(label);

const details = (c: ReportContent, line: ReportLine) =>
  [...line.details.map(escapeHtml), ...(line.pr ? [link(line.pr, c.prLabel)] : [])].join(' · ');

// ---- the page ------------------------------------------------------------

const PAGE_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:${INK};font:16px/1.5 ${FONT}}
main{max-width:680px;margin:0 auto;padding:20px 16px 40px;background:#fff;min-height:100vh}
h1{font-size:1.4rem;margin:0 0 4px;overflow-wrap:anywhere}
h2{font-size:1.05rem;margin:24px 0 8px}
h2.alert{color:${RED}}
.meta,.muted,footer{color:${MUTED};font-size:.9rem}
ul{list-style:none;margin:0;padding:0}
li{padding:6px 0;border-bottom:1px solid #eef0f2}
li .t{display:block;overflow-wrap:anywhere}
li .t a{color:inherit;text-decoration:none}
li .d{display:block;color:${MUTED};font-size:.85rem}
a{color:${FILL}}
.bar{display:grid;grid-template-columns:1fr 3.5em;gap:2px 8px;align-items:center;margin:6px 0}
.bar .label{grid-column:1/3;font-size:.95rem}
.track{height:10px;border-radius:5px;background:${TRACK};overflow:hidden}
.fill{height:100%;background:${FILL}}
.pct{text-align:right;font-variant-numeric:tabular-nums}
img{max-width:100%;height:auto;display:block}
.notice{margin:8px 0 0;padding:8px 10px;background:#fff8e1;border-left:3px solid #e0a800;overflow-wrap:anywhere}
footer{margin-top:28px}
footer p{margin:4px 0}
`;

function pageSection(c: ReportContent, sec: ReportSection): string {
  const alert = sec.kind === 'blockers' && sec.lines.length > 0;
  const items = sec.lines
    .map((l) => {
      const d = details(c, l);
      return `<li><span class="t">${link(l.url, l.title)}</span>${d ? `<span class="d">${d}</span>` : ''}</li>`;
    })
    .join('');
  return [
    `<section class="${sec.kind}"><h2${alert ? ' class="alert"' : ''}>${escapeHtml(sec.heading)}</h2>`,
    sec.empty ? `<p class="muted">${escapeHtml(sec.empty)}</p>` : '',
    items ? `<ul>${items}</ul>` : '',
    sec.more ? `<p class="muted">${escapeHtml(sec.more)}</p>` : '',
    '</section>',
  ].join('');
}

const pageBar = (b: ReportBar) =>
  `<div class="bar"><div class="label">${escapeHtml(`${b.label} · ${b.by}`)}</div>` +
  `<div class="track" role="img" aria-label="${escapeHtml(b.percent)}"><div class="fill" style="width:${(b.rate * 100).toFixed(1)}%"></div></div>` +
  `<div class="pct">${escapeHtml(b.percent)}</div></div>`;

/** A complete page, readable on a phone, with no JavaScript and nothing fetched. */
export function renderSnapshotHtml(
  s: ClientSnapshot,
  o: HtmlOptions & { chartPngBase64?: string | undefined },
): string {
  const c = reportContent(s, o);
  const [first, ...rest] = c.sections;
  const blockers = first?.kind === 'blockers' ? [first] : [];
  const others = first?.kind === 'blockers' ? rest : c.sections;
  const chart =
    o.chartPngBase64 && /^[A-Za-z0-9+/]+={0,2}$/.test(o.chartPngBase64)
      ? `<section><h2>${escapeHtml(c.chartHeading)}</h2><img src="data:image/png;base64,${o.chartPngBase64}" alt="${escapeHtml(c.chartHeading)}" width="480" height="200"></section>`
      : '';
  return `<!doctype html>
<html lang="${escapeHtml(c.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(`${c.title} · ${c.weekLabel}`)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(c.title)}</h1><p class="meta">${escapeHtml(`${c.weekLabel} · ${c.asOf}`)}</p>${c.notices.map((n) => `<p class="notice">${escapeHtml(n)}</p>`).join('')}</header>
${blockers.map((b) => pageSection(c, b)).join('')}
<section class="completion"><h2>${escapeHtml(c.completion.heading)}</h2>${c.completion.bars.map(pageBar).join('')}</section>
${others.map((sec) => pageSection(c, sec)).join('\n')}
${chart}
<footer><p>${escapeHtml(c.since)}</p>${c.notion ? `<p>${link(c.notion.url, c.notion.label)}</p>` : ''}<p>${escapeHtml(c.readOnly)}</p></footer>
</main>
</body>
</html>
`;
}

// ---- the e-mail ------------------------------------------------------------

export const CHART_CID = 'chart@gigops';

export interface EmailHtmlOptions extends HtmlOptions {
  /** Show the chart, as the inline attachment `cid:chart@gigops`. */
  chart: boolean;
  /** The report's web page (`PUBLIC_URL/r/<token>`), when links are on. */
  link?: string | undefined;
  /** How to stop these e-mails, at the bottom. */
  unsubscribeNote: string;
  /** "The same report is attached as a PDF." when it is. */
  attachedNote?: string | undefined;
}

const td = (style: string, html: string, extra = '') => `<td${extra} style="${style}">${html}</td>`;
const P = `margin:0 0 6px;font-family:${FONT};`;

function emailSection(c: ReportContent, sec: ReportSection): string {
  const alert = sec.kind === 'blockers' && sec.lines.length > 0;
  const rows = sec.lines
    .map((l) => {
      const d = details(c, l);
      return `<tr>${td(
        `padding:6px 0;border-bottom:1px solid #eef0f2;font:14px/1.4 ${FONT};color:${INK};`,
        `${link(l.url, l.title, `color:${INK};text-decoration:none;`)}${d ? `<br><span style="color:${MUTED};font-size:12px;">${d}</span>` : ''}`,
      )}</tr>`;
    })
    .join('');
  const note = (t: string) =>
    `<tr>${td(`padding:6px 0;font:13px/1.4 ${FONT};color:${MUTED};`, escapeHtml(t))}</tr>`;
  return (
    `<tr>${td('padding:18px 0 4px;', `<h2 style="${P}font-size:16px;color:${alert ? RED : INK};">${escapeHtml(sec.heading)}</h2>`)}</tr>` +
    (sec.empty ? note(sec.empty) : '') +
    rows +
    (sec.more ? note(sec.more) : '')
  );
}

function emailBar(b: ReportBar): string {
  const pct = Math.round(b.rate * 100);
  const fill = pct > 0 ? td(`background:${FILL};height:10px;`, '', ` width="${pct}%"`) : '';
  const empty = pct < 100 ? td(`background:${TRACK};height:10px;`, '') : '';
  return (
    `<tr>${td(`padding:6px 0 2px;font:14px/1.4 ${FONT};color:${INK};`, escapeHtml(`${b.label} · ${b.by}`), ' colspan="2"')}</tr>` +
    `<tr>${td('padding:0;', `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>${fill}${empty}</tr></table>`)}` +
    `${td(`padding:0 0 0 8px;font:14px ${FONT};color:${INK};text-align:right;`, escapeHtml(b.percent), ' width="48"')}</tr>`
  );
}

/** The e-mail's HTML part: tables and inline styles only, as e-mail clients render them. */
export function renderSnapshotEmailHtml(s: ClientSnapshot, o: EmailHtmlOptions): string {
  const c = reportContent(s, o);
  const [first, ...rest] = c.sections;
  const blockers = first?.kind === 'blockers' ? [first] : [];
  const others = first?.kind === 'blockers' ? rest : c.sections;
  const small = (html: string) =>
    `<tr>${td(`padding:2px 0;font:12px/1.5 ${FONT};color:${MUTED};`, html)}</tr>`;
  const body = [
    `<tr>${td('padding:0 0 4px;', `<h1 style="${P}font-size:20px;color:${INK};">${escapeHtml(c.title)}</h1><p style="${P}font-size:13px;color:${MUTED};">${escapeHtml(`${c.weekLabel} · ${c.asOf}`)}</p>`)}</tr>`,
    ...c.notices.map(
      (n) =>
        `<tr>${td(`padding:8px 10px;background:#fff8e1;border-left:3px solid #e0a800;font:14px/1.4 ${FONT};color:${INK};`, escapeHtml(n))}</tr>`,
    ),
    ...blockers.map((b) => emailSection(c, b)),
    `<tr>${td('padding:18px 0 4px;', `<h2 style="${P}font-size:16px;color:${INK};">${escapeHtml(c.completion.heading)}</h2><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${c.completion.bars.map(emailBar).join('')}</table>`)}</tr>`,
    ...others.map((sec) => emailSection(c, sec)),
    o.chart
      ? `<tr>${td('padding:18px 0 4px;', `<h2 style="${P}font-size:16px;color:${INK};">${escapeHtml(c.chartHeading)}</h2><img src="cid:${CHART_CID}" width="480" height="200" alt="${escapeHtml(c.chartHeading)}" style="display:block;max-width:100%;height:auto;border:0;">`)}</tr>`
      : '',
    `<tr>${td('padding:20px 0 0;', '')}</tr>`,
    small(escapeHtml(c.since)),
    o.link
      ? small(
          `${escapeHtml(reportCopy(o.locale).linkLine)} ${link(o.link, o.link, `color:${FILL};`)}`,
        )
      : '',
    c.notion ? small(link(c.notion.url, c.notion.label, `color:${FILL};`)) : '',
    o.attachedNote ? small(escapeHtml(o.attachedNote)) : '',
    small(escapeHtml(o.unsubscribeNote)),
  ].join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(c.lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(c.title)}</title></head>
<body style="margin:0;padding:0;background:#f6f7f9;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f6f7f9;"><tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;"><tr><td style="padding:20px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
${body}
</table>
</td></tr></table>
</td></tr></table>
</body>
</html>
`;
}
