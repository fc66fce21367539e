/**
 * One row of the client's Notion delivery data source, every configured
 * property decoded. Delivery sync writes some of them; client snapshots read
 * all of them.
 */
export interface DeliveryItem {
  pageId: string;
  url: string;
  /** The data source's title property, whatever its name. */
  title: string;
  status: string | undefined;
  prUrl: string | undefined;
  /** Plain text: the rich_text content, or the people's names joined. */
  reviewer: string | undefined;
  /** Notion user ids when the reviewer property is `people`, else empty. */
  reviewerIds: string[];
  date: { start: string; end: string | undefined } | undefined;
  qa: string | undefined;
  points: number | undefined;
  client: string | undefined;
  /** The checkbox, or true when the status equals the configured blocked value. */
  blocked: boolean;
  /** Optional properties: who owns the item, and what a blocked item needs (plain text). */
  owner?: string | undefined;
  blockedReason?: string | undefined;
  createdTime: string;
  lastEditedTime: string;
}

/** Notion ids compare without dashes and case. */
export const normalizeNotionId = (id: string) => id.replace(/-/g, '').toLowerCase();
