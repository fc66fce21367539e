/**
 * The lead vocabulary shared by the leads feature, the store and the App
 * Home: one of your pull requests in someone else's repository, followed from
 * its opening to a paying client (PRODUCT.md → Validated lead).
 */

/** `gone`: GitHub no longer shows it (made private, deleted): no longer followed. */
export type LeadState = 'open' | 'merged' | 'closed' | 'gone';

/** The combined CI result of the pull request's last commit. */
export type CiState = 'success' | 'failure' | 'pending' | 'none';

/** Author associations of a repository's maintainers (the others: CONTRIBUTOR, NONE…). */
export const MAINTAINER_ASSOCIATIONS: readonly string[] = ['OWNER', 'MEMBER', 'COLLABORATOR'];

/** A comment or review on the pull request, by anyone. */
export interface LeadEvent {
  /** GitHub's id for it: one thread reply per id. */
  id: string;
  kind: 'comment' | 'review';
  login: string | undefined;
  /** OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE… */
  association: string;
  /** Reviews: APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED. */
  reviewState?: string | undefined;
  body: string;
  /** ISO-8601. */
  at: string;
  url: string;
}

/** What made the lead a validated one: the merge, or a maintainer's first words. */
export interface LeadValidation {
  kind: 'merged' | 'comment' | 'review';
  login: string | undefined;
  /** The maintainer's words (empty for a merge without them). */
  body: string;
  at: string;
  url: string;
}

/** The pull request as the lead's message shows it. */
export interface LeadFacts {
  title: string;
  draft: boolean;
  ci: CiState;
  approvals: number;
  changesRequested: number;
  /** The last maintainer comment or review with words. */
  lastReply: { login: string | undefined; body: string; at: string; url: string } | undefined;
}

/** What the repository's CONTRIBUTING says about a commercial line in a pull request. */
export type ContributingVerdict = 'allowed' | 'forbidden' | 'silent' | 'none' | 'unknown';

export interface ContributingCheck {
  repo: string;
  verdict: ContributingVerdict;
  /** Where the file is (`CONTRIBUTING.md`, `.github/CONTRIBUTING.md`…), when found. */
  path: string | undefined;
  /** The sentence the verdict rests on, as written (untrusted). */
  quote: string | undefined;
  /** For `unknown`: why it could not be read. */
  problem?: string | undefined;
}

export interface LeadRecord {
  /** The pull request's GraphQL node id: stable across renames and transfers. */
  id: string;
  url: string;
  /** owner/name, as GitHub last named it. */
  repo: string;
  number: number;
  author: string;
  state: LeadState;
  /** Found by the poll (`search`) or added with `/gigs leads watch` (`watch`). */
  origin: 'search' | 'watch';
  watchedBy: string | undefined;
  /** The opportunity it closes (`github:owner/repo#12`), when it closes one gigops listed. */
  opportunityId: string | undefined;
  facts: LeadFacts;
  contributing: ContributingCheck | undefined;
  prCreatedAt: Date;
  /** GitHub's updated_at as last seen: a different one means something changed. */
  prUpdatedAt: string;
  /** The newest comment or review already told (ISO-8601). */
  lastEventAt: string | undefined;
  firstReplyAt: Date | undefined;
  mergedAt: Date | undefined;
  channel: string | undefined;
  ts: string | undefined;
  validatedAt: Date | undefined;
  validation: LeadValidation | undefined;
  /** The validation announcement's ts, once posted. */
  validationTs: string | undefined;
  won: { amount: number; currency: string; at: Date; by: string } | undefined;
  /** The ETag of its REST answer, for pull requests the search does not cover. */
  etag: string | undefined;
  firstSeenAt: Date;
}
