import type { KnownBlock } from '@slack/types';
import type { SchemaProblem } from '../domain/check-delivery-schema.ts';
import { pullRequestRef } from '../domain/pull-request.ts';
import { deliveryCopy } from '../i18n/delivery.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ReconcileReport } from '../services/reconcile-deliveries.ts';
import type { UnmatchedPullRequest } from '../store/store.ts';
import type { SlackMessage } from './usage.ts';

const MAX_LINES = 20;
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
): SlackMessage {
  const copy = deliveryCopy(locale);
  const title = copy.syncTitle(report.updated.length);
  const blocks: KnownBlock[] = [section(`*${title}*`)];
  const lines = report.updated.map(({ pr, item, change }) => {
    const fields = Object.keys(change).filter((k) => k !== 'status');
    const what = [
      ...(change.status !== undefined ? [copy.changeStatus(item.status, change.status)] : []),
      ...(fields.length > 0 ? [copy.changeFields(fields)] : []),
    ].join(' · ');
    return copy.changeLine(`<${pr.url}|${pullRequestRef(pr)}>`, item.title || item.pageId, what);
  });
  if (lines.length > 0) blocks.push(section(clip(lines)));
  for (const f of report.failed) blocks.push(section(copy.syncFailed(f.repo, f.error)));
  if (unmatched.length > 0) {
    const list = unmatched.map((u) => copy.unmatchedLine(`<${u.url}|${refOfUrl(u.url)}>`, u.title));
    blocks.push(section(`*${copy.unmatchedTitle}*\n${clip(list)}\n${copy.unmatchedFix}`));
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

function clip(lines: string[]): string {
  const shown = lines.slice(0, MAX_LINES);
  if (lines.length > MAX_LINES) shown.push(`… +${lines.length - MAX_LINES}`);
  return shown.join('\n');
}

/** The schema check's answer: one line per problem, each with its fix. */
export function renderSchemaProblems(
  locale: Locale,
  problems: readonly SchemaProblem[],
): SlackMessage {
  const copy = deliveryCopy(locale);
  const lines = problems.map((p) => `• ${copy.schemaProblem(p)}`);
  return {
    text: `${copy.schemaTitle}: ${lines.join(' ')}`,
    blocks: [section(`:warning: *${copy.schemaTitle}*`), section(lines.join('\n'))],
  };
}
