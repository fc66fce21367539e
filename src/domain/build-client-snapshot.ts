import type { SnapshotItem } from './snapshot-item.ts';
import { localTime, zonedInstant } from './zoned-time.ts';

export interface SnapshotStatusMap {
  draft: string;
  open: string;
  merged: string;
  closed: string;
}

export interface Ratio {
  done: number;
  total: number;
}

export interface ClientSnapshot {
  clientId: string;
  clientName: string;
  notionUrl: string | undefined;
  at: Date;
  /** Start of "this week": the previous snapshot slot. */
  since: Date;
  points: Ratio;
  count: Ratio;
  doneThisWeek: Array<SnapshotItem & { doneAt: Date }>;
  inReview: SnapshotItem[];
  /** Oldest first; `ageDays` counts whole days since the item last changed. */
  blockers: Array<SnapshotItem & { ageDays: number }>;
  nextUp: SnapshotItem[];
}

export interface BuildSnapshotInput {
  items: readonly SnapshotItem[];
  client: { id: string; name: string; notionUrl?: string | undefined };
  statusMap: SnapshotStatusMap;
  now: Date;
  since: Date;
  timeZone: string;
}

const NOT_STARTED = /not started|to ?do|backlog|planned|next/i;
const DAY = 86_400_000;

/**
 * When an item reached Done: its date property (set by delivery sync on
 * merge); a date without a time means that local day, at the last edit if it
 * happened that day; no date at all falls back to the last edit.
 */
export function doneAt(item: SnapshotItem, timeZone: string): Date {
  if (!item.date) return item.lastEditedTime;
  if (item.date.hasTime) return new Date(item.date.start);
  const [y, m, d] = item.date.start.split('-').map(Number) as [number, number, number];
  const edited = localTime(item.lastEditedTime, timeZone);
  if (edited.year === y && edited.month === m && edited.day === d) return item.lastEditedTime;
  return zonedInstant(timeZone, y, m, d, 0, 0);
}

/**
 * The weekly snapshot (PRODUCT.md "Completion rate", "Done this week"):
 * Done over everything except Closed, by points and by count.
 */
export function buildClientSnapshot(input: BuildSnapshotInput): ClientSnapshot {
  const { items, statusMap, now, since, timeZone, client } = input;
  const points: Ratio = { done: 0, total: 0 };
  const count: Ratio = { done: 0, total: 0 };
  const doneThisWeek: ClientSnapshot['doneThisWeek'] = [];
  const inReview: SnapshotItem[] = [];
  const blockers: ClientSnapshot['blockers'] = [];
  const nextUp: SnapshotItem[] = [];
  for (const item of items) {
    if (item.status === statusMap.closed) continue;
    const done = item.status === statusMap.merged;
    count.total += 1;
    points.total += item.points ?? 0;
    if (done) {
      count.done += 1;
      points.done += item.points ?? 0;
      const at = doneAt(item, timeZone);
      if (at.getTime() >= since.getTime() && at.getTime() <= now.getTime())
        doneThisWeek.push({ ...item, doneAt: at });
      continue;
    }
    if (item.blocked) {
      const ageDays = Math.max(
        0,
        Math.floor((now.getTime() - item.lastEditedTime.getTime()) / DAY),
      );
      blockers.push({ ...item, ageDays });
    } else if (item.status === statusMap.open) {
      inReview.push(item);
    } else if (
      item.status === '' ||
      item.status === statusMap.draft ||
      NOT_STARTED.test(item.status)
    ) {
      nextUp.push(item);
    }
  }
  doneThisWeek.sort((a, b) => b.doneAt.getTime() - a.doneAt.getTime());
  blockers.sort((a, b) => b.ageDays - a.ageDays || a.title.localeCompare(b.title));
  inReview.sort((a, b) => a.title.localeCompare(b.title));
  nextUp.sort((a, b) => a.createdTime.getTime() - b.createdTime.getTime());
  return {
    clientId: client.id,
    clientName: client.name,
    notionUrl: client.notionUrl,
    at: now,
    since,
    points,
    count,
    doneThisWeek,
    inReview,
    blockers,
    nextUp,
  };
}

/** Share done, 0–1; an empty backlog counts as 0. */
export const rate = (r: Ratio): number => (r.total > 0 ? r.done / r.total : 0);
