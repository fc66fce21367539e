/**
 * Client reports (issue 23): each client's weekly report kept as it was
 * built, so every form (Slack post, e-mail, PDF, the link's page) shows the
 * same figures from one Notion read, and the state of each way it goes out.
 */

/** `none`: not held; `held`: waits for an admin's Approve; then `approved` or `expired`. */
export type ReportHold = 'none' | 'held' | 'approved' | 'expired';

export interface StoredReport {
  clientId: string;
  /** ISO week in the client's zone, `2026-W48`. */
  week: string;
  /** The slot it goes out at. */
  slotAt: Date;
  builtAt: Date;
  timeZone: string;
  /** The snapshot as JSON (the snapshots feature's codec). */
  snapshot: string;
  /** The week's chart, a base64 PNG. */
  chart: string | undefined;
  hold: ReportHold;
  approvedBy: string | undefined;
  approvedAt: Date | undefined;
  /** The approver's note, added to the report. */
  note: string | undefined;
}

/** `sending` (claimed) → `sent`, or `failed` (tried again from `nextAt`) or `given_up`. */
export type DeliveryState = 'sending' | 'sent' | 'failed' | 'given_up';

/** One way one week's report goes out: `email`, `slack-pdf`, `preview`, … */
export interface DeliveryRecord {
  clientId: string;
  week: string;
  channel: string;
  state: DeliveryState;
  owner: string | undefined;
  claimedAt: Date | undefined;
  attempts: number;
  nextAt: Date | undefined;
  lastError: string | undefined;
  doneAt: Date | undefined;
  /** What it produced: a Message-ID, a file id. */
  result: string | undefined;
}

export type DeliveryKey = Pick<DeliveryRecord, 'clientId' | 'week' | 'channel'>;

export interface ReportStore {
  /** Keeps the week's report; false when one is kept already (the first stays). */
  save(report: StoredReport): Promise<boolean>;
  get(clientId: string, week: string): Promise<StoredReport | undefined>;
  /** A held report becomes approved: true for the one approval that wins. */
  approve(
    clientId: string,
    week: string,
    by: string,
    note: string | undefined,
    now: Date,
  ): Promise<boolean>;
  /** A held report that nobody approved in time: true for the one caller that expires it. */
  expire(clientId: string, week: string): Promise<boolean>;
  /**
   * Takes one delivery for `owner`: true when nobody has it yet, when it
   * failed and its `nextAt` has come, or when its claim is older than
   * `leaseMs` (its replica died). Sent and given-up ones are never taken.
   */
  claimDelivery(key: DeliveryKey, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  completeDelivery(key: DeliveryKey, owner: string, now: Date, result?: string): Promise<void>;
  /** A failed try: tried again from `nextAt`, or given up when there is none. */
  failDelivery(
    key: DeliveryKey,
    owner: string,
    error: string,
    nextAt: Date | undefined,
  ): Promise<void>;
  delivery(key: DeliveryKey): Promise<DeliveryRecord | undefined>;
  /**
   * Forgets the reports built before `before`, with their deliveries (their
   * links have expired and their weeks will not be sent again); how many
   * reports went. Idempotent: every replica may run it.
   */
  prune(before: Date): Promise<number>;
}
