/** Where a pull request stands, as far as the delivery database cares. */
export type PullRequestState = 'draft' | 'open' | 'merged' | 'closed';

/** The combined CI result of a head commit, as written to the `qa` property. */
export type CiConclusion = 'success' | 'failure' | 'pending';

export interface PullRequest {
  /** owner/name */
  repo: string;
  number: number;
  url: string;
  title: string;
  body: string;
  state: PullRequestState;
  /** ISO-8601, set once merged. */
  mergedAt: string | undefined;
  headSha: string;
  updatedAt: string;
  /** Logins whose review is requested (users only; teams are not people). */
  requestedReviewers: string[];
}

/** A pull request with what it takes extra requests to learn. */
export interface PullRequestSnapshot extends PullRequest {
  /** Logins that approved; undefined when unknown (then Reviewer is left alone). */
  approvers: string[] | undefined;
  /** Undefined when the head commit has no checks or they could not be read. */
  qa: CiConclusion | undefined;
}

/** `owner/name#12` — how logs and Slack name a pull request. */
export const pullRequestRef = (pr: Pick<PullRequest, 'repo' | 'number'>) =>
  `${pr.repo}#${pr.number}`;
