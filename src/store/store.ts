/**
 * One Store for all of gigops' state. Each feature owns one repository
 * interface here; every engine (sqlite now, postgres later) implements each in
 * its own file, so a new engine is new files, not a rewrite.
 */
export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  readonly jobs: JobStore;
  readonly meta: MetaStore;
  readonly snapshots: SnapshotStore;
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
