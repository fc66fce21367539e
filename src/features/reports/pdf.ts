import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import type { ClientSnapshot } from '../../domain/build-client-snapshot.ts';
import {
  type ReportBar,
  type ReportOptions,
  type ReportSection,
  reportContent,
} from './report-content.ts';
import { reportFont } from './report-font.ts';

/**
 * pdfkit is required on the first PDF, not at start-up: with its fonts and
 * Nodemailer it is ~15 MiB resident, which a bot that sends no report
 * should not carry (docs/performance.md).
 */
const requireLazily = createRequire(import.meta.url);
let PDFDocument: typeof PDFKitDocument | undefined;
const pdfDocument = () => (PDFDocument ??= requireLazily('pdfkit') as typeof PDFKitDocument);

export interface PdfOptions extends ReportOptions {
  /** The weekly chart (renderCompletionChart); left out when absent. */
  chartPng?: Buffer | undefined;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const WIDTH = A4.width - 2 * MARGIN;
const BOTTOM = A4.height - MARGIN;
const LINE = 14;
const INK = '#1d1c1d';
const MUTED = '#616061';
const RED = '#b42318';
const TRACK = '#e2e4e8';
const FILL = '#2e8b57';
const TITLE_WIDTH = WIDTH * 0.62;

/**
 * The weekly snapshot on one A4 page (two with long lists): the client and
 * week, blockers first, completion by points and by count with bars, done
 * this week, in review, next up, the chart. One embedded font (Noto Sans Hans,
 * subset to the glyphs used) renders English and 简体中文 alike; every line is
 * one line, cut with an ellipsis, so the layout cannot run away.
 */
export async function renderSnapshotPdf(s: ClientSnapshot, o: PdfOptions): Promise<Buffer> {
  const c = reportContent(s, o);
  const doc = new (pdfDocument())({
    size: 'A4',
    margin: MARGIN,
    lang: c.lang,
    displayTitle: true,
    info: {
      Title: `${c.title} · ${c.weekLabel}`,
      Author: 'gigops',
      Subject: c.title,
      CreationDate: s.at,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  // pdfkit takes a fontkit Font as a source (PDFFontFactory.open); its types say Buffer only.
  doc.registerFont('body', reportFont() as unknown as Buffer);
  doc.font('body');
  let y = MARGIN;
  const room = (height: number) => {
    if (y + height <= BOTTOM) return;
    doc.addPage();
    y = MARGIN;
  };
  const text = (
    value: string,
    x: number,
    width: number,
    size: number,
    color: string,
    link?: string,
  ) => {
    doc
      .fontSize(size)
      .fillColor(color)
      .text(value, x, y, {
        width,
        height: size * 1.3,
        ellipsis: true,
        lineBreak: true,
        ...(link ? { link, underline: false } : {}),
      });
  };

  text(c.title, MARGIN, WIDTH, 18, INK);
  y += 26;
  text(`${c.weekLabel} · ${c.asOf}`, MARGIN, WIDTH, 10, MUTED);
  y += LINE + 10;
  // Sent late, the approver's note: up to three lines each.
  for (const notice of c.notices) {
    const options = { width: WIDTH, height: 3 * 10 * 1.3, ellipsis: true } as const;
    doc.fontSize(10).fillColor(INK);
    const height = Math.min(doc.heightOfString(notice, options), options.height);
    doc.text(notice, MARGIN, y, options);
    y += height + 6;
  }

  const [blockers, ...rest] = c.sections;
  if (blockers?.kind === 'blockers') section(blockers);
  else if (blockers) rest.unshift(blockers);

  room(20 + 2 * 30);
  text(c.completion.heading, MARGIN, WIDTH, 12, INK);
  y += 18;
  for (const bar of c.completion.bars) drawBar(bar);
  y += 6;

  for (const sec of rest) section(sec);

  if (o.chartPng) {
    const height = (WIDTH * 0.7 * 200) / 480;
    room(20 + height);
    text(c.chartHeading, MARGIN, WIDTH, 12, INK);
    y += 18;
    doc.image(o.chartPng, MARGIN, y, { width: WIDTH * 0.7 });
    y += height + 8;
  }

  room(3 * LINE);
  text(c.since, MARGIN, WIDTH, 8.5, MUTED);
  y += LINE - 2;
  if (c.notion) {
    text(c.notion.label, MARGIN, WIDTH, 8.5, FILL, c.notion.url);
    y += LINE - 2;
  }
  text(c.readOnly, MARGIN, WIDTH, 8.5, MUTED);

  doc.end();
  await ended;
  return Buffer.concat(chunks);

  function section(sec: ReportSection) {
    room(20 + LINE);
    text(sec.heading, MARGIN, WIDTH, 12, sec.kind === 'blockers' && sec.lines.length ? RED : INK);
    y += 18;
    if (sec.empty) {
      text(sec.empty, MARGIN + 8, WIDTH - 8, 9.5, MUTED);
      y += LINE;
    }
    // A blocker's owner and what it needs are the point: a line of their own, not a column.
    const ownLine = sec.kind === 'blockers';
    for (const line of sec.lines) {
      const details = [...line.details, ...(line.pr ? [c.prLabel] : [])].join(' · ');
      room(ownLine && details ? 2 * LINE : LINE);
      text(`• ${line.title}`, MARGIN + 8, (ownLine ? WIDTH : TITLE_WIDTH) - 8, 9.5, INK, line.url);
      if (details && ownLine) {
        y += LINE - 1;
        text(details, MARGIN + 18, WIDTH - 18, 8.5, MUTED, line.pr);
      } else if (details) {
        text(details, MARGIN + TITLE_WIDTH + 8, WIDTH - TITLE_WIDTH - 8, 8.5, MUTED, line.pr);
      }
      y += LINE;
    }
    if (sec.more) {
      room(LINE);
      text(sec.more, MARGIN + 8, WIDTH - 8, 9, MUTED);
      y += LINE;
    }
    y += 8;
  }

  function drawBar(bar: ReportBar) {
    const barWidth = 200;
    text(`${bar.label} · ${bar.by}`, MARGIN, WIDTH - barWidth - 60, 9.5, INK);
    const x = MARGIN + WIDTH - barWidth - 44;
    doc.roundedRect(x, y + 2, barWidth, 8, 3).fill(TRACK);
    if (bar.rate > 0)
      doc.roundedRect(x, y + 2, Math.max(6, barWidth * Math.min(1, bar.rate)), 8, 3).fill(FILL);
    text(bar.percent, x + barWidth + 8, 36, 9.5, INK);
    y += LINE + 4;
  }
}
