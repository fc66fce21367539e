/**
 * One row of a client's Notion delivery data source, as the snapshot needs
 * it. The delivery feature has a fuller `DeliveryItem`; at merge the loader
 * may map that onto this.
 */
export interface SnapshotItem {
  id: string;
  url: string;
  title: string;
  /** Status (or select) name; '' when unset. */
  status: string;
  points: number | undefined;
  blocked: boolean;
  pr: string | undefined;
  reviewer: string | undefined;
  qa: string | undefined;
  /** The item's date property: when it was merged/done, set by delivery sync. */
  date: { start: string; hasTime: boolean } | undefined;
  createdTime: Date;
  lastEditedTime: Date;
}
