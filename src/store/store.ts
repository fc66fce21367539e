/**
 * One Store for all of gigops' state. Each feature owns one repository
 * interface here; every engine (sqlite now, postgres later) implements each in
 * its own file, so a new engine is new files, not a rewrite.
 */
export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  readonly jobs: JobStore;
  readonly meta: MetaStore;
  readonly delivery: DeliveryStore;
  /** True once migrations have run. */
  ready(): Promise<boolean>;
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
  /** True for the single caller that claims the slot first. */
  claimSlot(job: string, slot: string, owner: string, now: Date): Promise<boolean>;
  completeSlot(job: string, slot: string, result: string | undefined, now: Date): Promise<void>;
  /** Gives a claimed but unfinished slot back, so the next attempt may run it. */
  releaseSlot(job: string, slot: string, owner: string): Promise<void>;
  getSlot(job: string, slot: string): Promise<SlotRecord | undefined>;
}

/** Small named values: cursors, ETags, last-run times. */
export interface MetaStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
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

/**
 * Delivery sync's memory: a durable queue of webhook deliveries (pending →
 * done, de-duplicated on X-GitHub-Delivery, replayed after a crash), what was
 * last written per Notion item, ETag/since cursors per repo, and pull requests
 * that matched no item (reported once).
 */
export interface DeliveryStore {
  /** False when this delivery id was recorded before: a redelivery. */
  recordWebhookEvent(event: Omit<WebhookEventRecord, 'attempts'>): Promise<boolean>;
  /** Oldest first. */
  pendingWebhookEvents(limit: number): Promise<WebhookEventRecord[]>;
  completeWebhookEvent(id: string, now: Date): Promise<void>;
  /** Counts a failed attempt; after `maxAttempts` the event is parked as failed. */
  failWebhookEvent(id: string, error: string, maxAttempts: number, now: Date): Promise<void>;
  lastWritten(pageId: string): Promise<WrittenState | undefined>;
  rememberWritten(pageId: string, written: WrittenState, now: Date): Promise<void>;
  repoCursor(repo: string): Promise<RepoCursor>;
  saveRepoCursor(repo: string, cursor: RepoCursor, now: Date): Promise<void>;
  /** True the first time this pull request is seen without an item. */
  markUnmatched(url: string, title: string, now: Date): Promise<boolean>;
  clearUnmatched(url: string): Promise<void>;
  /** Unmatched pull requests no /gigs sync has reported yet; marks them reported. */
  takeUnreportedUnmatched(now: Date): Promise<UnmatchedPullRequest[]>;
}
