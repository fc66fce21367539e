import type { DeliveryStore } from './delivery-store.ts';
import type { OpportunityStore } from './opportunity-store.ts';
import type { ProposalCommentStore } from './proposal-comment-store.ts';
import type { ProposalStore } from './proposal-store.ts';
import type { ReportStore } from './report-store.ts';
import type { LeadStore } from './repositories/leads.ts';
import type { SnapshotStore } from './snapshot-store.ts';

/**
 * One Store for all of gigops' state. Each feature owns one repository
 * interface (opportunity-store.ts, proposal-store.ts, snapshot-store.ts,
 * delivery-store.ts, …), implemented once in repositories/ against the small
 * Sql interface (sql.ts) that each engine (sqlite/, postgres/) provides.
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
