import type { DeliveryItem } from './delivery-item.ts';

/**
 * One row of a client's Notion delivery data source, as the snapshot needs
 * it: a narrower view of `DeliveryItem`, which the one Notion reader decodes.
 */
export interface SnapshotItem {
  id: string;
  url: string;
  title: string;
  /** Status (or select) name; '' when unset. */
  status: string;
  points: number | undefined;
  blocked: boolean;
  /** Optional Notion properties (`owner`, `blockedReason`): shown with a blocker. */
  owner?: string | undefined;
  blockedReason?: string | undefined;
  pr: string | undefined;
  reviewer: string | undefined;
  qa: string | undefined;
  /** The item's date property: when it was merged/done, set by delivery sync. */
  date: { start: string; hasTime: boolean } | undefined;
  createdTime: Date;
  lastEditedTime: Date;
}

/** The snapshot's view of a decoded delivery item. */
export function toSnapshotItem(item: DeliveryItem): SnapshotItem {
  return {
    id: item.pageId,
    url: item.url,
    title: item.title || '(untitled)',
    status: item.status ?? '',
    points: item.points,
    blocked: item.blocked,
    owner: item.owner,
    blockedReason: item.blockedReason,
    pr: item.prUrl,
    reviewer: item.reviewer,
    qa: item.qa,
    date: item.date
      ? { start: item.date.start, hasTime: item.date.start.includes('T') }
      : undefined,
    createdTime: new Date(item.createdTime),
    lastEditedTime: new Date(item.lastEditedTime),
  };
}
