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

/** A delivery as the webhook endpoint records it: no attempts yet. */
export type NewWebhookEvent = Omit<WebhookEventRecord, 'attempts'>;

/**
 * Delivery sync's memory: a durable queue of webhook deliveries (pending →
 * done, de-duplicated on X-GitHub-Delivery, replayed after a crash), what was
 * last written per Notion item, ETag/since cursors per repo, and pull requests
 * that matched no item (reported once).
 */
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
