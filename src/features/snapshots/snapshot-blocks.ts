import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, mrkdwnLink } from '../../blocks/mrkdwn.ts';
import type { SlackMessage } from '../../blocks/usage.ts';
import { type ClientSnapshot, type Ratio, rate } from '../../domain/build-client-snapshot.ts';
import { formatWhen, percent } from '../../domain/format-when.ts';
import type { SnapshotItem } from '../../domain/snapshot-item.ts';
import type { Locale } from '../../i18n/locale.ts';
import { snapshotCopy } from '../../i18n/snapshots.ts';

export const SNAPSHOT_POST_ACTION = 'snapshot_post';
export const SNAPSHOT_PICK_ACTION = 'snapshot_pick';
const MAX_LINES = 8;
const MAX_TITLE = 90;

export interface SnapshotRenderOptions {
  locale: Locale;
  timeZone: string;
  /** Posted after its slot: the bot was down (true), or it was approved late. */
  late?: boolean | 'approval';
  /** The approver's note to the client (a held snapshot). */
  note?: string | undefined;
  /** The week's chart, uploaded privately (upload-chart.ts): shown inside the post. */
  chart?: SnapshotChartImage | undefined;
  /** The report's read-only page (`PUBLIC_URL/r/<token>`), when links are on; `.pdf` is its PDF. */
  link?: string | undefined;
}

export interface SnapshotChartImage {
  fileId: string;
  title: string;
  alt: string;
}

/** An image block showing an uploaded file (Block Kit: image block with `slack_file`). */
export const chartBlock = (chart: SnapshotChartImage): KnownBlock => ({
  type: 'image',
  slack_file: { id: chart.fileId },
  title: { type: 'plain_text', text: chart.title.slice(0, 2000) },
  alt_text: chart.alt.slice(0, 2000),
});

/** A ten-cell text progress bar: ▓▓▓▓▓▓▓░░░ 70%. */
export function progressBar(r: Ratio): string {
  const filled = Math.round(rate(r) * 10);
  return `${'▓'.repeat(filled)}${'░'.repeat(10 - filled)} ${percent(r)}`;
}

const escapeText = escapeMrkdwn;
const short = (s: string) => (s.length > MAX_TITLE ? `${s.slice(0, MAX_TITLE - 1)}…` : s);
const link = (item: SnapshotItem) => mrkdwnLink(item.url, short(item.title));
/** `pr` is a Notion property anyone with edit rights can set: a link only when it is a safe URL. */
const prLink = (pr: string) => mrkdwnLink(pr, 'PR');
const fmtPoints = (n: number) => String(Math.round(n * 10) / 10);

function list<T>(items: readonly T[], line: (item: T) => string, more: (n: number) => string) {
  const lines = items.slice(0, MAX_LINES).map((i) => `• ${line(i)}`);
  if (items.length > MAX_LINES) lines.push(more(items.length - MAX_LINES));
  return lines.join('\n');
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** The weekly post: blockers first, then completion, done, in review, next up. */
export function renderClientSnapshot(s: ClientSnapshot, o: SnapshotRenderOptions): SlackMessage {
  const copy = snapshotCopy(o.locale);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: short(copy.header(s.clientName)) } },
  ];
  if (o.late) {
    const late = o.late === 'approval' ? copy.lateApproved : copy.late;
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: late }] });
  }
  if (o.note?.trim()) blocks.push(section(copy.note(escapeText(o.note.trim()))));
  blocks.push(
    section(
      s.blockers.length === 0
        ? copy.noBlockers
        : `${copy.blockers(s.blockers.length)}\n${list(
            s.blockers,
            (b) => blockerLine(b, copy),
            copy.more,
          )}`,
    ),
    section(
      `${copy.completion(
        copy.points(Number(fmtPoints(s.points.done)), Number(fmtPoints(s.points.total))),
        copy.items(s.count.done, s.count.total),
      )}\n\`${progressBar(s.points)}\` ${copy.byPoints}\n\`${progressBar(s.count)}\` ${copy.byCount}`,
    ),
    section(
      `${copy.done(s.doneThisWeek.length)}\n${
        s.doneThisWeek.length === 0
          ? copy.noneDone
          : list(
              s.doneThisWeek,
              (d) => `${link(d)}${d.pr ? ` · ${prLink(d.pr)}` : ''}${pointsSuffix(d)}`,
              copy.more,
            )
      }`,
    ),
  );
  if (s.inReview.length > 0) {
    blocks.push(
      section(
        `${copy.inReview(s.inReview.length)}\n${list(
          s.inReview,
          (r) =>
            [
              link(r),
              r.pr ? prLink(r.pr) : undefined,
              r.reviewer ? copy.reviewer(escapeText(r.reviewer)) : undefined,
              r.qa ? copy.ci(escapeText(r.qa)) : undefined,
            ]
              .filter(Boolean)
              .join(' · '),
          copy.more,
        )}`,
      ),
    );
  }
  if (s.nextUp.length > 0) {
    blocks.push(
      section(
        `${copy.nextUp(s.nextUp.length)}\n${list(s.nextUp, (n) => `${link(n)}${pointsSuffix(n)}`, copy.more)}`,
      ),
    );
  }
  if (o.chart) blocks.push(chartBlock(o.chart));
  const context = [copy.since(formatWhen(s.since, o.timeZone, o.locale))];
  if (s.notionUrl) context.push(mrkdwnLink(s.notionUrl, copy.notion));
  if (o.link) context.push(mrkdwnLink(o.link, copy.webPage), mrkdwnLink(`${o.link}.pdf`, 'PDF'));
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] });
  return { text: copy.fallback(s.clientName, Math.round(rate(s.points) * 100)), blocks };
}

/**
 * A blocker names who owns it and what it needs, when the Notion item says
 * so (optional `owner` and `blockedReason` properties): a client reads what
 * to do about it. Both are Notion text: escaped, and the need cut short.
 */
function blockerLine(
  b: SnapshotItem & { ageDays: number },
  copy: ReturnType<typeof snapshotCopy>,
): string {
  return [
    link(b),
    b.owner ? copy.owner(escapeText(short(b.owner))) : undefined,
    b.blockedReason ? copy.needs(escapeText(short(b.blockedReason))) : undefined,
    copy.blockerAge(b.ageDays),
  ]
    .filter(Boolean)
    .join(' · ');
}

const pointsSuffix = (i: SnapshotItem) => (i.points ? ` · ${fmtPoints(i.points)} pt` : '');
