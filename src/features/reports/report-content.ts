import { safeUrl } from '../../blocks/mrkdwn.ts';
import { type ClientSnapshot, type Ratio, rate } from '../../domain/build-client-snapshot.ts';
import { formatWhen } from '../../domain/format-when.ts';
import type { SnapshotItem } from '../../domain/snapshot-item.ts';
import { isoWeek } from '../../domain/zoned-time.ts';
import type { Locale } from '../../i18n/locale.ts';
import { reportCopy } from '../../i18n/reports.ts';
import { snapshotCopy } from '../../i18n/snapshots.ts';

/**
 * What every client report (PDF, web page, e-mail) shows, as plain data: the
 * same figures and the same lines in the same order, so the forms cannot
 * disagree. Text is raw (untrusted titles included); each renderer escapes
 * for its own format.
 */
export interface ReportOptions {
  locale: Locale;
  /** The client's zone: every time shown names it. */
  timeZone: string;
  /** ISO week key (`2026-W48`) the report belongs to; default: the week of `snapshot.at`. */
  week?: string | undefined;
  /** The approver's note to the client (a held report), shown under the title. */
  note?: string | undefined;
  /** Sent after its slot because it was approved late: said under the title. */
  late?: boolean | undefined;
}

export interface ReportBar {
  /** "18 of 26 points" */
  label: string;
  /** "by points" */
  by: string;
  /** 0–1 */
  rate: number;
  percent: string;
}

export interface ReportLine {
  title: string;
  /** The item's page, when it is a safe http(s) URL. */
  url: string | undefined;
  /** The pull request, when it is a safe http(s) URL. */
  pr: string | undefined;
  details: string[];
}

export interface ReportSection {
  kind: 'blockers' | 'done' | 'inReview' | 'nextUp';
  heading: string;
  lines: ReportLine[];
  /** When there is nothing to list. */
  empty: string | undefined;
  /** "…and 12 more" when the list was cut. */
  more: string | undefined;
}

export interface ReportContent {
  lang: string;
  week: string;
  title: string;
  clientName: string;
  weekLabel: string;
  asOf: string;
  since: string;
  completion: { heading: string; summary: string; bars: [ReportBar, ReportBar] };
  /** Blockers first, then done this week, in review, next up (as the Slack post). */
  sections: ReportSection[];
  notion: { url: string; label: string } | undefined;
  chartHeading: string;
  prLabel: string;
  readOnly: string;
  /** Lines under the title: sent late, the approver's note. Raw text. */
  notices: string[];
  /** For the e-mail's subject and the page's title: the share done by points, rounded. */
  percentDone: number;
}

/** Lines per section: a page (and an A4 sheet) stays short; the counts say how many in all. */
export const MAX_LINES = 10;
const MAX_TITLE = 120;

/** No control characters (a Notion title may hold any): they mean nothing on paper or a page. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we drop
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, ' ');
const short = (s: string) => {
  const c = clean(s);
  return c.length > MAX_TITLE ? `${c.slice(0, MAX_TITLE - 1)}…` : c;
};
const fmtPoints = (n: number) => Math.round(n * 10) / 10;
const pct = (r: Ratio) => `${Math.round(rate(r) * 100)}%`;

export function reportContent(s: ClientSnapshot, o: ReportOptions): ReportContent {
  const copy = reportCopy(o.locale);
  const slack = snapshotCopy(o.locale);
  const week = o.week ?? isoWeek(s.at, o.timeZone);
  const [year, n] = week.split('-W').map(Number) as [number, number];
  const when = (d: Date) => formatWhen(d, o.timeZone, o.locale);

  const line = (item: SnapshotItem, details: Array<string | undefined>): ReportLine => ({
    title: short(item.title),
    url: safeUrl(item.url),
    pr: safeUrl(item.pr),
    details: details.filter((d): d is string => !!d).map((d) => clean(d)),
  });
  const points = (item: SnapshotItem) =>
    item.points ? copy.pointsSuffix(fmtPoints(item.points)) : undefined;
  function section<T extends SnapshotItem>(
    kind: ReportSection['kind'],
    heading: string,
    items: readonly T[],
    details: (item: T) => Array<string | undefined>,
    empty?: string,
  ): ReportSection {
    return {
      kind,
      heading,
      lines: items.slice(0, MAX_LINES).map((i) => line(i, details(i))),
      empty: items.length === 0 ? empty : undefined,
      more: items.length > MAX_LINES ? slack.more(items.length - MAX_LINES) : undefined,
    };
  }

  const sections = [
    section(
      'blockers',
      copy.blockers(s.blockers.length),
      s.blockers,
      (b) => [
        b.owner ? copy.owner(b.owner) : undefined,
        b.blockedReason ? copy.needs(b.blockedReason) : undefined,
        slack.blockerAge(b.ageDays),
      ],
      copy.noBlockers,
    ),
    section(
      'done',
      copy.done(s.doneThisWeek.length),
      s.doneThisWeek,
      (d) => [points(d)],
      slack.noneDone,
    ),
    section('inReview', copy.inReview(s.inReview.length), s.inReview, (r) => [
      r.reviewer ? slack.reviewer(r.reviewer) : undefined,
      r.qa ? slack.ci(r.qa) : undefined,
    ]),
    section('nextUp', copy.nextUp(s.nextUp.length), s.nextUp, (i) => [points(i)]),
  ].filter((sec) => sec.lines.length > 0 || sec.empty);

  const bar = (r: Ratio, label: string, by: string): ReportBar => ({
    label,
    by,
    rate: rate(r),
    percent: pct(r),
  });
  const pointsLabel = slack.points(fmtPoints(s.points.done), fmtPoints(s.points.total));
  const itemsLabel = slack.items(s.count.done, s.count.total);
  const notionUrl = safeUrl(s.notionUrl);
  return {
    lang: copy.lang,
    week,
    title: copy.title(clean(s.clientName)),
    clientName: clean(s.clientName),
    weekLabel: Number.isFinite(n) ? copy.week(year, n) : week,
    asOf: copy.asOf(when(s.at)),
    since: copy.since(when(s.since)),
    completion: {
      heading: copy.completion,
      summary: `${pointsLabel} · ${itemsLabel}`,
      bars: [bar(s.points, pointsLabel, slack.byPoints), bar(s.count, itemsLabel, slack.byCount)],
    },
    sections,
    notion: notionUrl ? { url: notionUrl, label: slack.notion } : undefined,
    chartHeading: copy.chart,
    prLabel: copy.pr,
    readOnly: copy.readOnly,
    notices: [
      ...(o.late ? [copy.sentLate] : []),
      ...(o.note?.trim() ? [copy.note(clean(o.note.trim()))] : []),
    ],
    percentDone: Math.round(rate(s.points) * 100),
  };
}
