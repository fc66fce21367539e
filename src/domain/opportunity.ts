/**
 * What the radar knows about one opening, from any source. `id` is
 * `source:key` (e.g. `github:owner/repo#12`): the store's key and the value of
 * every opportunity button.
 */
export interface Opportunity {
  id: string;
  /** The source that found it (`github`, …) and its key there. */
  source: string;
  key: string;
  /** How it is named in a listing, e.g. `owner/repo#12`. */
  label: string;
  /** What it belongs to (a GitHub repository's full name): exclusions and `repo:` filters. */
  project: string;
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
  /** The source's own data (Candidate.meta), kept with the opportunity. */
  meta?: Record<string, unknown>;
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
 * One opening as a source reports it (for GitHub: a search hit joined with
 * what the GraphQL enrichment found): everything ranking, availability checks
 * and drafting need, nothing about Slack.
 */
export interface Candidate {
  /** The source's name; with `key`, the opportunity's id (`source:key`). */
  source: string;
  key: string;
  label: string;
  project: string;
  url: string;
  title: string;
  labels: string[];
  body: string;
  comments: number;
  createdAt: Date;
  /** Who posted it (a GitHub login, a client's name), when known. */
  author?: string;
  /** Reactions to it, when the source counts them. */
  reactions?: number;
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
  /** What else the source keeps about it (stored as JSON with the opportunity). */
  meta?: Record<string, unknown>;
}

export interface CandidateComment {
  authorAssociation: string;
  createdAt: Date;
  body: string;
}

/** A source and its key: the parts of an opportunity id. */
export interface OpportunityRef {
  source: string;
  key: string;
}

export const opportunityId = (source: string, key: string) => `${source}:${key}`;

/** How a stored id is named to people: its key (`owner/repo#12`), without the source. */
export const opportunityLabel = (id: string) => parseOpportunityRef(id)?.key ?? id;

const SOURCE_NAME = /^[a-z][a-z0-9-]{0,31}$/;
/** An id made before sources existed (`owner/repo#12`): a GitHub issue. */
const LEGACY_GITHUB_ID = /^[^/#:\s]+\/[^/#:\s]+#\d{1,16}$/;

/**
 * `source:key` → its parts, or undefined when it is not shaped like an id
 * (button values are untrusted; whether the key is one its source could have
 * made is the source's call). Ids saved in messages before sources existed,
 * `owner/repo#12`, are GitHub's.
 */
export function parseOpportunityRef(id: string): OpportunityRef | undefined {
  const trimmed = id.trim();
  if (LEGACY_GITHUB_ID.test(trimmed)) return { source: 'github', key: trimmed };
  const at = trimmed.indexOf(':');
  if (at < 0) return undefined;
  const source = trimmed.slice(0, at);
  const key = trimmed.slice(at + 1);
  if (!SOURCE_NAME.test(source) || key.length === 0 || key.length > 200) return undefined;
  return { source, key };
}
