import { isGitHubFullName } from './github-refs.ts';
/**
 * What the radar knows about one open issue. `id` is `owner/repo#number`: the
 * store's key and the value of every opportunity button.
 */
export interface Opportunity {
  id: string;
  repo: string;
  number: number;
  url: string;
  title: string;
  labels: string[];
  bodyExcerpt: string;
  stars: number;
  comments: number;
  createdAt: Date;
  /** Last comment by OWNER, MEMBER or COLLABORATOR; undefined when none replied. */
  lastMaintainerReplyAt: Date | undefined;
  /** Last comment by anyone: community activity. */
  lastCommentAt: Date | undefined;
  /** A bounty in whole currency units, e.g. 500 for "$500 bounty". */
  bounty: Bounty | undefined;
  score: number;
  reasons: Reason[];
}

export interface Bounty {
  amount: number;
  currency: string;
}

/** Why an opportunity ranks where it does; rendered by blocks/ in the user's language. */
export type Reason =
  | { kind: 'bounty'; amount: number; currency: string }
  | { kind: 'comments'; count: number }
  | { kind: 'maintainerSilence'; days: number }
  | { kind: 'noMaintainerReply' }
  | { kind: 'stars'; count: number }
  | { kind: 'recentActivity'; days: number }
  | { kind: 'fresh'; days: number };

/**
 * A search hit joined with what the GraphQL enrichment found: everything
 * scoring and availability checks need, nothing about Slack.
 */
export interface Candidate {
  repo: string;
  number: number;
  url: string;
  title: string;
  labels: string[];
  body: string;
  comments: number;
  createdAt: Date;
  locked: boolean;
  assignees: number;
  stars: number;
  archived: boolean;
  /** Open pull requests that link or cross-reference the issue: someone is on it. */
  openPullRequests: number;
  /** The most recent comments, oldest first. */
  recentComments: CandidateComment[];
  /**
   * false when built from search results alone (no GitHub token: GitHub serves
   * GraphQL only to authenticated callers): stars, linked pull requests and
   * the recent comments are unknown, not zero.
   */
  enriched?: boolean;
}

export interface CandidateComment {
  authorAssociation: string;
  createdAt: Date;
  body: string;
}

export const opportunityId = (repo: string, number: number) => `${repo}#${number}`;

const ID = /^([^/#\s]+\/[^/#\s]+)#(\d{1,16})$/;

/**
 * `owner/repo#12` → its parts, or undefined for anything else: names GitHub
 * could have given and a positive safe integer (button values are untrusted).
 */
export function parseOpportunityId(id: string): { repo: string; number: number } | undefined {
  const m = ID.exec(id);
  if (!m || !isGitHubFullName(m[1]!)) return undefined;
  const number = Number(m[2]);
  return Number.isSafeInteger(number) && number > 0 ? { repo: m[1]!, number } : undefined;
}
