import type {
  LeadEvent,
  LeadFacts,
  LeadRecord,
  LeadState,
  LeadValidation,
} from '../../domain/lead.ts';
import type { LeadPatch } from '../../store/repositories/leads.ts';
import { findValidation, isMaintainer, isTold, type LeadSignal } from './lead-signals.ts';
import type { PullDetails } from './pull-details.ts';

/** A thread reply's subject: one per real event, nothing else. */
export type LeadNews =
  | { kind: 'event'; event: LeadEvent }
  | { kind: 'merged'; at: string; url: string }
  | { kind: 'closed'; at: string; url: string };

export interface LeadPlan {
  patch: Required<Pick<LeadPatch, 'url' | 'repo' | 'number' | 'state' | 'facts' | 'prUpdatedAt'>> &
    LeadPatch;
  /** Oldest first; none on the first sight of a pull request (its history is not news). */
  news: LeadNews[];
  /** Found now, not before: announced once. */
  validation: LeadValidation | undefined;
  /** What the lead's message shows has changed: one edit. */
  changed: boolean;
}

/** Reviewers' latest approving or blocking verdicts, counted. */
function reviewCounts(events: readonly LeadEvent[], author: string) {
  const latest = new Map<string, string>();
  for (const e of events)
    if (e.kind === 'review' && e.login && e.login.toLowerCase() !== author.toLowerCase())
      if (['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(e.reviewState ?? ''))
        latest.set(e.login, e.reviewState!);
  const states = [...latest.values()];
  return {
    approvals: states.filter((s) => s === 'APPROVED').length,
    changesRequested: states.filter((s) => s === 'CHANGES_REQUESTED').length,
  };
}

export function factsOf(d: PullDetails): LeadFacts {
  const words = d.events.filter((e) => isMaintainer(e, d.author) && e.body.trim() !== '');
  const last = words.at(-1);
  return {
    title: d.title,
    draft: d.draft,
    ci: d.ci,
    ...reviewCounts(d.events, d.author),
    lastReply: last && { login: last.login, body: last.body, at: last.at, url: last.url },
  };
}

/** What a lead's message shows, as a comparable string. */
export const shownOf = (l: Pick<LeadRecord, 'facts' | 'state' | 'repo' | 'number' | 'url'>) =>
  JSON.stringify([l.facts, l.state, l.repo, l.number, l.url]);

const earlier = (a: Date | undefined, b: string | undefined) =>
  b === undefined ? a : a === undefined || new Date(b) < a ? new Date(b) : a;

/**
 * Compares what is stored of a lead with what GitHub says now: what to store,
 * which events to tell in the thread, and whether it became validated. Pure.
 */
export function planLeadUpdate(prior: LeadRecord | undefined, d: PullDetails): LeadPlan {
  const facts = factsOf(d);
  const state: LeadState = d.state;
  const newest = d.events.at(-1)?.at;
  const lastEventAt =
    prior?.lastEventAt && (!newest || prior.lastEventAt > newest) ? prior.lastEventAt : newest;
  const maintainers = d.events.filter((e) => isMaintainer(e, d.author));
  const news: LeadNews[] = [];
  if (prior) {
    const since = prior.lastEventAt ?? '';
    for (const e of d.events)
      if (e.at > since && isTold(e, d.author)) news.push({ kind: 'event', event: e });
    if (prior.state === 'open' && state === 'merged')
      news.push({ kind: 'merged', at: d.mergedAt ?? d.updatedAt, url: d.url });
    if (prior.state === 'open' && state === 'closed')
      news.push({ kind: 'closed', at: d.closedAt ?? d.updatedAt, url: d.url });
  }
  const signals: LeadSignal[] = [...d.events];
  if (d.mergedAt) signals.push({ kind: 'merged', login: undefined, at: d.mergedAt, url: d.url });
  const validation = prior?.validatedAt ? undefined : findValidation(signals, d.author);
  const patch: LeadPlan['patch'] = {
    url: d.url,
    repo: d.repo,
    number: d.number,
    state,
    facts,
    prUpdatedAt: d.updatedAt,
    lastEventAt,
    firstReplyAt: earlier(prior?.firstReplyAt, maintainers[0]?.at),
    mergedAt: d.mergedAt ? new Date(d.mergedAt) : undefined,
  };
  const changed =
    prior === undefined ||
    shownOf(prior) !== shownOf({ ...patch }) ||
    validation !== undefined ||
    news.length > 0;
  return { patch, news, validation, changed };
}
