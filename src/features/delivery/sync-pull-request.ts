import {
  queryDeliveryItems,
  retrieveDeliveryItem,
  retrieveDeliverySchema,
} from '../../clients/notion-delivery.ts';
import type { Deps } from '../../deps.ts';
import type { DeliveryItem } from '../../domain/delivery-item.ts';
import type { DeliveryPropertyKinds } from '../../domain/delivery-schema.ts';
import { type PullRequestSnapshot, pullRequestRef } from '../../domain/pull-request.ts';
import { findNotionPageIds } from './find-notion-page-ids.ts';
import { mayMoveItem } from './item-owner.ts';
import { appendTimelineEntry, deliveryProperties, updateDeliveryItem } from './notion-write.ts';
import {
  type DeliveryChange,
  desiredDelivery,
  desiredKey,
  planDeliveryUpdate,
} from './plan-delivery-update.ts';
import type { DeliverySetup } from './setup.ts';

/** Items already read (reconciliation reads them all once); webhooks look each up. */
export interface DeliveryItemIndex {
  byId: Map<string, DeliveryItem>;
  byPrUrl: Map<string, DeliveryItem>;
}

export function indexDeliveryItems(items: readonly DeliveryItem[]): DeliveryItemIndex {
  const index: DeliveryItemIndex = { byId: new Map(), byPrUrl: new Map() };
  for (const item of items) {
    index.byId.set(item.pageId, item);
    if (item.prUrl && !index.byPrUrl.has(item.prUrl)) index.byPrUrl.set(item.prUrl, item);
  }
  return index;
}

export type SyncOutcome =
  | { kind: 'updated'; pr: PullRequestSnapshot; item: DeliveryItem; change: DeliveryChange }
  | { kind: 'unchanged'; pr: PullRequestSnapshot; item: DeliveryItem }
  | { kind: 'unmatched'; pr: PullRequestSnapshot; firstTime: boolean };

export interface SyncContext {
  kinds: DeliveryPropertyKinds;
  index?: DeliveryItemIndex;
}

/**
 * Brings one Notion item in line with one pull request: finds the item (a page
 * link or id in the body first, else the item whose PR property holds the
 * URL), writes only what differs, at most one pages.update, and nothing when
 * the store says this exact state, or a newer one of the same pull request,
 * was written before.
 */
export async function syncPullRequest(
  deps: Pick<Deps, 'store' | 'logger' | 'now'>,
  setup: DeliverySetup,
  pr: PullRequestSnapshot,
  ctx: SyncContext,
): Promise<SyncOutcome> {
  const { notion, delivery } = setup;
  const { item, refused } = await findItem(setup, pr, ctx.index);
  // Items of another client the pull request named: not written, logged and reported once.
  for (const other of refused) {
    const move = {
      prUrl: pr.url,
      prTitle: pr.title,
      pageId: other.pageId,
      itemTitle: other.title,
      itemClient: other.client,
    };
    if (await deps.store.delivery.markRefused(move, deps.now()))
      deps.logger.warn(
        { pr: pullRequestRef(pr), page: other.pageId, itemClient: other.client ?? null },
        "pull request names another client's Notion item: not written (add its repository to that client's repos if it belongs there)",
      );
  }
  if (!item) {
    const firstTime = await deps.store.delivery.markUnmatched(pr.url, pr.title, deps.now());
    if (firstTime)
      deps.logger.warn(
        { pr: pullRequestRef(pr), url: pr.url },
        'pull request matches no Notion delivery item: link the page in its body or put its URL in the PR property',
      );
    return { kind: 'unmatched', pr, firstTime };
  }
  await deps.store.delivery.clearUnmatched(pr.url);
  const desired = desiredDelivery(pr, delivery.notion.statusMap);
  const key = desiredKey(desired);
  const last = await deps.store.delivery.lastWritten(item.pageId);
  if (last?.state === key) return { kind: 'unchanged', pr, item };
  // GitHub does not promise delivery order, and a retried event is old news:
  // never let an older state of the same pull request overwrite a newer one.
  if (last?.prUrl === pr.url && pr.updatedAt < last.prUpdatedAt) {
    deps.logger.info(
      { pr: pullRequestRef(pr), page: item.pageId },
      'stale pull request state skipped',
    );
    return { kind: 'unchanged', pr, item };
  }
  const change = planDeliveryUpdate(item, desired, ctx.kinds, delivery.notion.people);
  if (change.reviewer && ctx.kinds.reviewer === 'people') {
    const unmapped = (desired.reviewers ?? []).filter((login) => !delivery.notion.people[login]);
    if (unmapped.length > 0)
      deps.logger.warn(
        { pr: pullRequestRef(pr), unmapped },
        'reviewers left out of the people property: add them to delivery.notion.people (GitHub login → Notion user id)',
      );
  }
  if (Object.keys(change).length > 0) {
    const properties = deliveryProperties(change, delivery.notion.properties, ctx.kinds);
    await updateDeliveryItem(notion, item.pageId, properties);
    deps.logger.info({ pr: pullRequestRef(pr), page: item.pageId, change }, 'Notion item updated');
  }
  await deps.store.delivery.rememberWritten(
    item.pageId,
    { prUrl: pr.url, prUpdatedAt: pr.updatedAt, state: key },
    deps.now(),
  );
  if (Object.keys(change).length === 0) return { kind: 'unchanged', pr, item };
  if (change.status !== undefined && delivery.notion.timelineDataSourceId) {
    await appendTimeline(
      deps,
      setup,
      delivery.notion.timelineDataSourceId,
      item,
      change.status,
      pr,
    );
  }
  return { kind: 'updated', pr, item, change };
}

/**
 * The item a pull request moves: the first page linked in its body, else the
 * item whose PR property holds its URL; only items its repository may move
 * (mayMoveItem). The others it named are returned as refused.
 */
async function findItem(
  { notion, delivery, clients }: DeliverySetup,
  pr: PullRequestSnapshot,
  index: DeliveryItemIndex | undefined,
): Promise<{ item: DeliveryItem | undefined; refused: DeliveryItem[] }> {
  const refused: DeliveryItem[] = [];
  const allowed = (item: DeliveryItem | undefined) => {
    if (!item) return false;
    if (mayMoveItem(clients, pr.repo, item.client)) return true;
    if (!refused.some((r) => r.pageId === item.pageId)) refused.push(item);
    return false;
  };
  for (const id of findNotionPageIds(pr.body).slice(0, 3)) {
    const item = index
      ? index.byId.get(id)
      : await retrieveDeliveryItem(notion, delivery.notion, id);
    if (allowed(item)) return { item, refused };
  }
  const byUrl = index
    ? index.byPrUrl.get(pr.url)
    : (await queryDeliveryItems(notion, delivery.notion, { prUrl: pr.url }))[0];
  return { item: allowed(byUrl) ? byUrl : undefined, refused };
}

/** A failed timeline row is logged, not retried: the item itself is already right. */
async function appendTimeline(
  deps: Pick<Deps, 'logger' | 'now'>,
  { notion, cache }: DeliverySetup,
  dataSourceId: string,
  item: DeliveryItem,
  to: string,
  pr: PullRequestSnapshot,
): Promise<void> {
  try {
    let schema = cache.timelineSchema;
    if (!schema) {
      const read = retrieveDeliverySchema(notion, dataSourceId);
      schema = read;
      cache.timelineSchema = read;
      read.catch(() => {
        if (cache.timelineSchema === read) delete cache.timelineSchema;
      });
    }
    await appendTimelineEntry(notion, await schema, {
      itemTitle: item.title,
      itemUrl: item.url,
      from: item.status,
      to,
      prUrl: pr.url,
      at: deps.now().toISOString(),
    });
  } catch (error) {
    deps.logger.warn({ err: error, page: item.pageId }, 'could not append to the timeline');
  }
}
