import { detectBounty } from '../../domain/detect-bounty.ts';
import type { Candidate, Opportunity, Reason } from '../../domain/opportunity.ts';
import { opportunityId } from '../../domain/opportunity.ts';

const DAY = 86_400_000;
const MAINTAINERS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

/**
 * Every weight of the ranking, in one place. The score is a sum of points:
 *
 * - `bounty`: money on the table is the strongest signal; +`perHundred` per
 *   100 of the amount, capped at `cap` extra.
 * - `attention`: community interest, `perLog2Comment` × log2(1 + comments).
 * - `neglect`: "high attention, slow response": days since a maintainer last
 *   replied (or since the issue opened, when none ever did), `perDay` each,
 *   capped at `maxDays`, and only counted when the issue has at least
 *   `minComments` comments (a quiet issue nobody answers is not an opening).
 * - `popularity`: `perLog10Star` × log10(1 + stars): reputation value.
 * - `recent`: someone commented within `withinDays`: the issue is alive.
 * - `stale`: issues older than `afterDays` lose `perYear` per extra year.
 */
export const WEIGHTS = {
  bounty: { base: 25, perHundred: 2, cap: 25 },
  attention: { perLog2Comment: 6 },
  neglect: { perDay: 0.4, maxDays: 90, minComments: 3 },
  popularity: { perLog10Star: 4 },
  recent: { points: 6, withinDays: 14 },
  stale: { afterDays: 365, perYear: 8 },
} as const;

/** How many reasons each entry shows: the biggest contributions first. */
export const MAX_REASONS = 3;

/** Whole days from `then` to `now`, never negative. */
export const daysBetween = (then: Date, now: Date) =>
  Math.max(0, Math.floor((now.getTime() - then.getTime()) / DAY));

/** The maintainer who last answered, from the recent comments. */
export function lastMaintainerReply(c: Candidate): Date | undefined {
  const replies = c.recentComments.filter((x) => MAINTAINERS.has(x.authorAssociation));
  return replies.at(-1)?.createdAt;
}

/** Scores a candidate (pure; `now` passed in) and keeps the reasons behind the score. */
export function scoreOpportunity(c: Candidate, now: Date): Opportunity {
  const W = WEIGHTS;
  const parts: Array<{ points: number; reason: Reason }> = [];
  const bounty = detectBounty(c.labels, [c.title, c.body, ...c.recentComments.map((x) => x.body)]);
  if (bounty) {
    const extra = Math.min(W.bounty.cap, (bounty.amount / 100) * W.bounty.perHundred);
    parts.push({
      points: W.bounty.base + extra,
      reason: { kind: 'bounty', amount: bounty.amount, currency: bounty.currency },
    });
  }
  if (c.comments > 0) {
    parts.push({
      points: W.attention.perLog2Comment * Math.log2(1 + c.comments),
      reason: { kind: 'comments', count: c.comments },
    });
  }
  const maintainerAt = lastMaintainerReply(c);
  // Unknown without the comments (no token): no claim about maintainers.
  if (c.comments >= W.neglect.minComments && c.enriched !== false) {
    const days = daysBetween(maintainerAt ?? c.createdAt, now);
    parts.push({
      points: W.neglect.perDay * Math.min(days, W.neglect.maxDays),
      reason: maintainerAt ? { kind: 'maintainerSilence', days } : { kind: 'noMaintainerReply' },
    });
  }
  if (c.stars > 0) {
    parts.push({
      points: W.popularity.perLog10Star * Math.log10(1 + c.stars),
      reason: { kind: 'stars', count: c.stars },
    });
  }
  const lastCommentAt = c.recentComments.at(-1)?.createdAt;
  if (lastCommentAt && daysBetween(lastCommentAt, now) <= W.recent.withinDays) {
    parts.push({
      points: W.recent.points,
      reason: { kind: 'recentActivity', days: daysBetween(lastCommentAt, now) },
    });
  }
  const age = daysBetween(c.createdAt, now);
  let score = parts.reduce((sum, p) => sum + p.points, 0);
  if (age > W.stale.afterDays) score -= ((age - W.stale.afterDays) / 365) * W.stale.perYear;
  const reasons = [...parts]
    .sort((a, b) => b.points - a.points)
    .slice(0, MAX_REASONS)
    .map((p) => p.reason);
  return {
    id: opportunityId(c.source, c.key),
    source: c.source,
    key: c.key,
    label: c.label,
    project: c.project,
    ...(c.meta ? { meta: c.meta } : {}),
    url: c.url,
    title: c.title,
    labels: c.labels,
    bodyExcerpt: excerpt(c.body),
    stars: c.stars,
    comments: c.comments,
    createdAt: c.createdAt,
    lastMaintainerReplyAt: maintainerAt,
    lastCommentAt,
    bounty,
    score: Math.round(Math.max(0, score) * 10) / 10,
    reasons,
  };
}

/** The first few hundred characters of a body, on one line, for drafts and previews. */
export function excerpt(body: string, max = 280): string {
  const flat = body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
