import { detectBounty } from '../../domain/detect-bounty.ts';
import { type Budget, detectBudget } from '../../domain/detect-budget.ts';
import { type Bounty, type Candidate, opportunityId } from '../../domain/opportunity.ts';

/**
 * What a draft is written from, whatever the source: a GitHub issue and a
 * pasted job post feed the same composer. Every text field is untrusted.
 */
export interface Brief {
  /** The opportunity's id (`source:key`). */
  id: string;
  /** An issue (a maintainer reads the draft as a comment) or a job post (a client reads it on a job board). */
  kind: 'issue' | 'post';
  /** How the draft names it, e.g. `owner/repo#12`; '' for a job post. */
  label: string;
  /** The repository it belongs to (`owner/repo`), '' when none: evidence from there ranks first. */
  project: string;
  /** '' when the post has none. */
  url: string;
  title: string;
  body: string;
  comments: readonly string[];
  /** How many comments there are (more than were read). */
  commentCount: number;
  labels: readonly string[];
  /** Who the draft greets: the author or the client's name, when known. */
  greet: string | undefined;
  /** Money on the table: the bounty (amount 0: unknown) or the post's budget. */
  offer: Offer | undefined;
}

export type Offer = ({ kind: 'bounty' } & Bounty) | Budget;

/**
 * A source's candidate as a brief. A candidate whose source marks it as a job
 * post (`meta.kind: 'post'`) is read for a budget and the client's name; any
 * other is an issue, read for a bounty and greeted by its author.
 */
export function briefOf(c: Candidate): Brief {
  const post = c.meta?.kind === 'post';
  const comments = c.recentComments.map((x) => x.body);
  const bounty = post ? undefined : detectBounty(c.labels, [c.title, c.body, ...comments]);
  const client = typeof c.meta?.client === 'string' ? c.meta.client : undefined;
  return {
    id: opportunityId(c.source, c.key),
    kind: post ? 'post' : 'issue',
    label: post ? '' : c.label,
    project: c.project,
    url: c.url,
    title: c.title,
    body: c.body,
    comments,
    commentCount: c.comments,
    labels: c.labels,
    greet: post
      ? (client ?? signOffName(c.body))
      : c.author && c.author !== 'ghost'
        ? c.author
        : undefined,
    offer: post ? detectBudget(c.body) : bounty ? { kind: 'bounty', ...bounty } : undefined,
  };
}

const SIGN_OFF =
  /(?:^|\n)\s*(?:thanks|thank you|many thanks|regards|best regards|best|cheers|sincerely)\s*[,!.]?\s*(?:\n\s*)?[-–—]?\s*([A-Z][a-z]{1,20})\s*\.?\s*$/i;

/** The client's first name when the post signs off with it ("Thanks,\nSarah"). */
export function signOffName(text: string): string | undefined {
  const name = SIGN_OFF.exec(text.trimEnd())?.[1];
  return name && /^[A-Z]/.test(name) ? name : undefined;
}
