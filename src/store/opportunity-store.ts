import type { Opportunity } from '../domain/opportunity.ts';

/** What the radar writes of an opportunity: its data, nothing of what happened to it. */
export interface OpportunityData
  extends Pick<
    Opportunity,
    | 'id'
    | 'source'
    | 'key'
    | 'label'
    | 'project'
    | 'url'
    | 'title'
    | 'labels'
    | 'bodyExcerpt'
    | 'stars'
    | 'comments'
    | 'score'
  > {
  /** The reasons behind the score, as the radar rendered them (JSON-safe). */
  reasons: unknown[];
  /** The source's own data, kept as JSON. */
  meta?: Record<string, unknown> | undefined;
}

/** An opportunity as remembered: its data, what happened to it, where it was listed. */
export interface OpportunityRecord extends OpportunityData {
  /** {} when the source kept nothing. */
  meta: Record<string, unknown>;
  firstSeenAt: Date;
  updatedAt: Date;
  /** Shown to a user by /gigs (marked "seen" in later lists). */
  shownAt: Date | undefined;
  /** Posted by the scheduled digest (the post landed): never posted by it again. */
  postedInDigestAt: Date | undefined;
  dismissedAt: Date | undefined;
  /** A proposal draft exists (any state): no longer listed. */
  proposedAt: Date | undefined;
  /** The message that last listed it: proposal drafts thread under it. */
  listedChannel: string | undefined;
  listedTs: string | undefined;
}

/** The radar's memory. Every write is idempotent, so retries and replicas are safe. */
export interface OpportunityStore {
  /** Inserts or refreshes the data of each; never touches what happened to them. */
  upsert(items: readonly OpportunityData[], now: Date): Promise<void>;
  get(id: string): Promise<OpportunityRecord | undefined>;
  /** The records of these ids that exist, in no particular order. */
  getMany(ids: readonly string[]): Promise<OpportunityRecord[]>;
  markShown(ids: readonly string[], now: Date): Promise<void>;
  /** Remembers the message that listed them (channel, ts). */
  markListed(ids: readonly string[], channel: string, ts: string): Promise<void>;
  /**
   * Claims for `owner`'s digest those never posted and not claimed by another
   * digest within `leaseMs` (an older claim is a dead replica's); returns the
   * ids it claimed, so concurrent digests never post the same one twice.
   */
  claimForDigest(
    ids: readonly string[],
    owner: string,
    now: Date,
    leaseMs: number,
  ): Promise<string[]>;
  /** Records that the digest post landed: no digest claims these again. */
  markPostedInDigest(ids: readonly string[], now: Date): Promise<void>;
  /** Gives back `owner`'s unposted claims (its post failed), so the next slot posts them. */
  releaseDigest(ids: readonly string[], owner: string): Promise<void>;
  markProposed(id: string, now?: Date): Promise<void>;
  dismiss(id: string, now?: Date): Promise<void>;
  /** Still-open ones first seen after `since` (all when undefined), best score first. */
  newSince(since: Date | undefined, limit: number): Promise<OpportunityRecord[]>;
}
