import { z } from 'zod';
import { type LeadEvent, type LeadValidation, MAINTAINER_ASSOCIATIONS } from '../../domain/lead.ts';

/**
 * What makes a lead validated (PRODUCT.md → Validated lead): it was merged,
 * or a maintainer (author association OWNER, MEMBER or COLLABORATOR) commented
 * on it or reviewed it. The pull request's author never validates their own
 * pull request, even as a collaborator. Pure: the same rule reads the GraphQL
 * the poll fetches and GitHub's webhook payloads.
 */
export const isMaintainer = (e: Pick<LeadEvent, 'association' | 'login'>, author: string) =>
  MAINTAINER_ASSOCIATIONS.includes(e.association) &&
  e.login?.toLowerCase() !== author.toLowerCase();

/** A merge, as a signal beside comments and reviews. */
export interface MergeSignal {
  kind: 'merged';
  login: string | undefined;
  at: string;
  url: string;
}

export type LeadSignal = LeadEvent | MergeSignal;

/** The earliest signal that validates the lead, if any. */
export function findValidation(
  signals: readonly LeadSignal[],
  author: string,
): LeadValidation | undefined {
  const first = signals
    .filter((s) => s.kind === 'merged' || isMaintainer(s, author))
    .sort((a, b) => a.at.localeCompare(b.at))[0];
  if (!first) return undefined;
  return {
    kind: first.kind,
    login: first.login,
    body: first.kind === 'merged' ? '' : first.body,
    at: first.at,
    url: first.url,
  };
}

/** Events worth a thread reply: reviews by anyone but the author, comments by maintainers. */
export const isTold = (e: LeadEvent, author: string) =>
  e.login?.toLowerCase() !== author.toLowerCase() &&
  (e.kind === 'review' ? e.reviewState !== 'PENDING' : isMaintainer(e, author));

const user = z.object({ login: z.string() }).nullish();
const webhookPull = z.object({
  action: z.string(),
  pull_request: z.object({
    html_url: z.string(),
    merged: z.boolean().nullish(),
    merged_at: z.string().nullish(),
    merged_by: user,
    user,
  }),
});
const webhookComment = z.object({
  action: z.string(),
  issue: z.object({ pull_request: z.unknown().optional(), user }),
  comment: z.object({
    node_id: z.string(),
    body: z.string().nullish(),
    created_at: z.string(),
    html_url: z.string(),
    author_association: z.string(),
    user,
  }),
});
const webhookReview = z.object({
  action: z.string(),
  pull_request: z.object({ user }),
  review: z.object({
    node_id: z.string(),
    state: z.string(),
    body: z.string().nullish(),
    submitted_at: z.string().nullish(),
    html_url: z.string(),
    author_association: z.string(),
    user,
  }),
});

/**
 * A GitHub webhook delivery (`pull_request` closed and merged, `issue_comment`
 * created on a pull request, `pull_request_review` submitted) → the signal it
 * carries and the pull request's author; undefined for anything else.
 */
export function signalFromWebhook(
  event: string,
  payload: unknown,
): { signal: LeadSignal; author: string } | undefined {
  if (event === 'pull_request') {
    const p = webhookPull.safeParse(payload);
    if (!p.success || p.data.action !== 'closed' || !p.data.pull_request.merged) return undefined;
    const pr = p.data.pull_request;
    const at = pr.merged_at;
    if (!at) return undefined;
    const signal = { kind: 'merged', login: pr.merged_by?.login, at, url: pr.html_url } as const;
    return { signal, author: pr.user?.login ?? '' };
  }
  if (event === 'issue_comment') {
    const p = webhookComment.safeParse(payload);
    if (!p.success || p.data.action !== 'created' || p.data.issue.pull_request === undefined)
      return undefined;
    const c = p.data.comment;
    return {
      signal: {
        id: c.node_id,
        kind: 'comment',
        login: c.user?.login,
        association: c.author_association,
        body: c.body ?? '',
        at: c.created_at,
        url: c.html_url,
      },
      author: p.data.issue.user?.login ?? '',
    };
  }
  if (event === 'pull_request_review') {
    const p = webhookReview.safeParse(payload);
    if (!p.success || p.data.action !== 'submitted' || !p.data.review.submitted_at)
      return undefined;
    const r = p.data.review;
    return {
      signal: {
        id: r.node_id,
        kind: 'review',
        login: r.user?.login,
        association: r.author_association,
        reviewState: r.state.toUpperCase(),
        body: r.body ?? '',
        at: r.submitted_at!,
        url: r.html_url,
      },
      author: p.data.pull_request.user?.login ?? '',
    };
  }
  return undefined;
}
