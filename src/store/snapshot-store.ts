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
