import type { Opportunity } from '../domain/opportunity.ts';
import type { ProposalRecord, ProposalSections, SimilarityFlag } from '../domain/proposal.ts';
import type { ProposalCommentStore } from './proposal-comment-store.ts';
import type { ReportStore } from './report-store.ts';
import type { LeadStore } from './repositories/leads.ts';

/**
 * One Store for all of gigops' state. Each feature owns one repository
 * interface here, implemented once in repositories/ against the small Sql
 * interface (sql.ts) that each engine (sqlite/, postgres/) provides.
 */
export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  readonly jobs: JobStore;
  readonly meta: MetaStore;
  readonly opportunities: OpportunityStore;
  readonly proposals: ProposalStore;
  /** Comment on GitHub: one claimed, then posted, comment per approved draft. */
  readonly proposalComments: ProposalCommentStore;
  readonly snapshots: SnapshotStore;
  readonly delivery: DeliveryStore;
  readonly leads: LeadStore;
  readonly reports: ReportStore;
  /** True once migrations have run. */
  ready(): Promise<boolean>;
  /**
   * Housekeeping to do off the request path, when the bot is idle (SQLite:
   * checkpoint the write-ahead log). Engines without any leave it out.
   */
  checkpoint?(): Promise<void>;
  close(): Promise<void>;
}

export interface SlotRecord {
  job: string;
  slot: string;
  owner: string;
  claimedAt: Date;
  completedAt: Date | undefined;
  result: string | undefined;
}

/**
 * Exactly-once scheduling: a (job, slot) pair — `digest`/`2026-11-23T09:00`,
 * `snapshot:acme`/`2026-W48` — is claimed by one runner, whatever the number
 * of replicas or restarts.
 */
export interface JobStore {
  /**
   * True for the single caller that claims the slot first. With `leaseMs`, a
   * claim left unfinished for longer (its runner died) may be taken over.
   */
  claimSlot(
    job: string,
    slot: string,
    owner: string,
    now: Date,
    leaseMs?: number,
  ): Promise<boolean>;
  completeSlot(job: string, slot: string, result: string | undefined, now: Date): Promise<void>;
  /** Gives a claimed but unfinished slot back, so the next attempt may run it. */
  releaseSlot(job: string, slot: string, owner: string): Promise<void>;
  getSlot(job: string, slot: string): Promise<SlotRecord | undefined>;
  /** Forgets `job`'s slots completed before `before`; how many. Unfinished ones stay. */
  pruneSlots(job: string, before: Date): Promise<number>;
}

/** Small named values: cursors, ETags, last-run times. */
export interface MetaStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /**
   * Records a verified Slack request's signature; false when it was recorded
   * before (a replay), by this process, an earlier one or another replica.
   * Signatures whose request timestamp is older than `forgetBeforeSec` go.
   */
  claimSlackSignature(
    signature: string,
    requestTs: number,
    forgetBeforeSec: number,
  ): Promise<boolean>;
}

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

export type NewProposal = Omit<
  ProposalRecord,
  'state' | 'version' | 'decidedBy' | 'decidedAt' | 'rejectReason' | 'updatedAt'
>;

/**
 * Proposal drafts: drafted → approved | rejected. Every change is a
 * conditional update on (state = 'drafted', version), so of many concurrent
 * presses exactly one wins; the others get `undefined` and re-read.
 */
export interface ProposalStore {
  /**
   * Records a new open draft; undefined when the opportunity already has one
   * (a unique index on both engines: of concurrent creates, one wins).
   */
  create(draft: NewProposal): Promise<ProposalRecord | undefined>;
  get(id: string): Promise<ProposalRecord | undefined>;
  /** Where the draft message landed, once Slack has answered. */
  setMessage(id: string, channel: string, ts: string): Promise<void>;
  /** Forgets a draft whose message could not be posted. */
  discard(id: string): Promise<void>;
  /** New sections (edit, polish); bumps the version. */
  updateSections(
    id: string,
    version: number,
    sections: ProposalSections,
    similar: SimilarityFlag | undefined,
    now: Date,
  ): Promise<ProposalRecord | undefined>;
  approve(id: string, version: number, by: string, now: Date): Promise<ProposalRecord | undefined>;
  reject(
    id: string,
    version: number,
    by: string,
    reason: string | undefined,
    now: Date,
  ): Promise<ProposalRecord | undefined>;
  /** An open (drafted) draft for the opportunity, if any. */
  openDraftFor(opportunityId: string): Promise<ProposalRecord | undefined>;
  /** The opportunities that have a draft in any state: the radar leaves them out. */
  hasDraftFor(opportunityIds: string[]): Promise<Set<string>>;
  /** The most recent drafts, newest first, for the similarity check. */
  recent(limit: number): Promise<ProposalRecord[]>;
}

/** One posted client snapshot: the completion figures the chart plots. */
export interface SnapshotRecord {
  clientId: string;
  /** ISO week in the client's zone, `2026-W48`. */
  week: string;
  postedAt: Date;
  pointsDone: number;
  pointsTotal: number;
  countDone: number;
  countTotal: number;
  /** The Slack message ts of the post. */
  ts: string | undefined;
}

/** History of posted snapshots, per client and week (a re-record replaces). */
export interface SnapshotStore {
  record(entry: SnapshotRecord): Promise<void>;
  /** The latest `limit` weeks of a client, oldest first. */
  history(clientId: string, limit: number): Promise<SnapshotRecord[]>;
}

/** A GitHub webhook delivery, recorded before it is answered. */
export interface WebhookEventRecord {
  /** X-GitHub-Delivery */
  id: string;
  event: string;
  payload: string;
  attempts: number;
  receivedAt: Date;
}

/** What delivery sync last wrote to one Notion item, and from which pull request. */
export interface WrittenState {
  prUrl: string;
  /** The pull request's updated_at then: older events for it are stale. */
  prUpdatedAt: string;
  /** desiredKey() of what was written. */
  state: string;
}

export interface RepoCursor {
  etag: string | undefined;
  /** updated_at of the newest pull request already reconciled. */
  since: string | undefined;
}

export interface UnmatchedPullRequest {
  url: string;
  title: string;
  firstSeenAt: Date;
}

/** A pull request that named an item of a client whose `repos` do not list its repository. */
export interface RefusedMove {
  prUrl: string;
  prTitle: string;
  pageId: string;
  itemTitle: string;
  /** The item's client property; undefined when empty. */
  itemClient: string | undefined;
}

/**
 * Delivery sync's memory: a durable queue of webhook deliveries (pending →
 * done, de-duplicated on X-GitHub-Delivery, replayed after a crash), what was
 * last written per Notion item, ETag/since cursors per repo, and pull requests
 * that matched no item (reported once).
 */
/** A delivery as the webhook endpoint records it: no attempts yet. */
export type NewWebhookEvent = Omit<WebhookEventRecord, 'attempts'>;

export interface DeliveryStore {
  /** False when this delivery id was recorded before: a redelivery. */
  recordWebhookEvent(event: NewWebhookEvent): Promise<boolean>;
  /**
   * Several deliveries in one transaction (one commit, not one each), in
   * order; for each, false when it was recorded before, earlier in the batch too.
   */
  recordWebhookEvents(events: readonly NewWebhookEvent[]): Promise<boolean[]>;
  /** Oldest first. */
  pendingWebhookEvents(limit: number): Promise<WebhookEventRecord[]>;
  /**
   * Takes a pending delivery for processing: true for one replica only, until
   * it completes or fails it, or its claim is older than `leaseMs` (it died).
   */
  claimWebhookEvent(id: string, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  completeWebhookEvent(id: string, now: Date): Promise<void>;
  /** Counts a failed attempt; after `maxAttempts` the event is parked as failed. */
  failWebhookEvent(id: string, error: string, maxAttempts: number, now: Date): Promise<void>;
  /**
   * Forgets finished deliveries (done or failed) received before `before`;
   * how many. Pending ones stay, however old.
   */
  pruneWebhookEvents(before: Date): Promise<number>;
  lastWritten(pageId: string): Promise<WrittenState | undefined>;
  rememberWritten(pageId: string, written: WrittenState, now: Date): Promise<void>;
  repoCursor(repo: string): Promise<RepoCursor>;
  saveRepoCursor(repo: string, cursor: RepoCursor, now: Date): Promise<void>;
  /** True the first time this pull request is seen without an item. */
  markUnmatched(url: string, title: string, now: Date): Promise<boolean>;
  clearUnmatched(url: string): Promise<void>;
  /** Unmatched pull requests no /gigs sync has reported yet; marks them reported. */
  takeUnreportedUnmatched(now: Date): Promise<UnmatchedPullRequest[]>;
  /** True the first time this pull request is refused this item. */
  markRefused(move: RefusedMove, now: Date): Promise<boolean>;
  /** Refused moves no /gigs sync has reported yet; marks them reported. */
  takeUnreportedRefused(now: Date): Promise<RefusedMove[]>;
}
