import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, mrkdwnLink } from '../../blocks/mrkdwn.ts';
import type { SlackMessage } from '../../blocks/usage.ts';
import type { SchemaProblem } from '../../domain/check-delivery-schema.ts';
import { pullRequestRef } from '../../domain/pull-request.ts';
import { deliveryCopy } from '../../i18n/delivery.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { RefusedMove, UnmatchedPullRequest } from '../../store/delivery-store.ts';
import type { ReconcileReport } from './reconcile-deliveries.ts';

const MAX_LINES = 20;
/** Section text may hold 3,000 characters; room is left for a heading and a hint. */
const SECTION_BUDGET = 2_600;
const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: text.slice(0, 3000) },
});
const refOfUrl = (url: string) =>
  url.replace(/^https?:\/\/[^/]+\/([^/]+\/[^/]+)\/pull\/(\d+).*$/, '$1#$2');

/** `/gigs sync`'s answer: what changed first, then the pull requests with no item. */
export function renderSyncReport(
  locale: Locale,
  report: ReconcileReport,
  unmatched: readonly UnmatchedPullRequest[],
  refused: readonly RefusedMove[] = [],
): SlackMessage {
  const copy = deliveryCopy(locale);
  const title = copy.syncTitle(report.updated.length);
  const blocks: KnownBlock[] = [section(`*${title}*`)];
  const lines = report.updated.map(({ pr, item, change }) => {
    const fields = Object.keys(change).filter((k) => k !== 'status');
    const what = [
      ...(change.status !== undefined
        ? [
            copy.changeStatus(
              item.status === undefined ? undefined : escapeMrkdwn(item.status),
              escapeMrkdwn(change.status),
            ),
          ]
        : []),
      ...(fields.length > 0 ? [copy.changeFields(fields)] : []),
    ].join(' · ');
    return copy.changeLine(
      mrkdwnLink(pr.url, pullRequestRef(pr)),
      escapeMrkdwn(shorten(item.title || item.pageId)),
      what,
    );
  });
  if (lines.length > 0) blocks.push(section(clip(lines)));
  for (const f of report.failed)
    blocks.push(section(copy.syncFailed(escapeMrkdwn(f.repo), escapeMrkdwn(f.error))));
  if (unmatched.length > 0) {
    const list = unmatched.map((u) =>
      copy.unmatchedLine(mrkdwnLink(u.url, refOfUrl(u.url)), escapeMrkdwn(shorten(u.title))),
    );
    blocks.push(section(`*${copy.unmatchedTitle}*\n${clip(list)}\n${copy.unmatchedFix}`));
  }
  if (refused.length > 0) {
    const list = refused.map((r) =>
      copy.refusedLine(
        mrkdwnLink(r.prUrl, refOfUrl(r.prUrl)),
        escapeMrkdwn(shorten(r.itemTitle || r.pageId)),
        r.itemClient === undefined ? undefined : escapeMrkdwn(shorten(r.itemClient, 40)),
      ),
    );
    blocks.push(section(`:no_entry: *${copy.refusedTitle}*\n${clip(list)}\n${copy.refusedFix}`));
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: copy.syncCounts(report.checked, report.unchanged, report.repos, report.notModified),
      },
    ],
  });
  return { text: title, blocks };
}

/** As many whole lines as fit one section (and MAX_LINES), then how many were left out. */
function clip(lines: string[]): string {
  const shown: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (shown.length === MAX_LINES || size + line.length + 1 > SECTION_BUDGET) break;
    shown.push(line);
    size += line.length + 1;
  }
  if (shown.length < lines.length) shown.push(`… +${lines.length - shown.length}`);
  return shown.join('\n');
}

const shorten = (text: string, max = 80) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** The schema check's answer: one line per problem, each with its fix. */
export function renderSchemaProblems(
  locale: Locale,
  problems: readonly SchemaProblem[],
): SlackMessage {
  const copy = deliveryCopy(locale);
  // Property and option names come from Notion: text, never mentions or links.
  const lines = problems.map((p) => `• ${copy.schemaProblem(escapeFields(p))}`);
  return {
    text: `${copy.schemaTitle}: ${lines.join(' ')}`,
    blocks: [section(`:warning: *${copy.schemaTitle}*`), section(lines.join('\n'))],
  };
}

const escapeFields = <T extends object>(p: T): T =>
  Object.fromEntries(
    Object.entries(p).map(([k, v]) => [
      k,
      typeof v === 'string'
        ? escapeMrkdwn(v)
        : Array.isArray(v)
          ? v.map((x) => (typeof x === 'string' ? escapeMrkdwn(x) : x))
          : v,
    ]),
  ) as T;
