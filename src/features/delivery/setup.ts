import type { Client } from '@notionhq/client';
import { retrieveDeliverySchema } from '../../clients/notion-delivery.ts';
import type { ClientConfig, DeliveryConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { checkDeliverySchema, type SchemaCheck } from '../../domain/check-delivery-schema.ts';
import type { DeliverySchema } from '../../domain/delivery-schema.ts';

export interface DeliverySetup {
  notion: Client;
  delivery: DeliveryConfig;
  /** Whose items a pull request may move (clients[].repos, see mayMoveItem). */
  clients: readonly ClientConfig[];
  /** The feature's state, built once with it (createDelivery): what it read of Notion. */
  cache: DeliveryCache;
}

export interface DeliveryCache {
  /** The delivery data source checked against gigops.yml (checkDeliverySetup). */
  schemaCheck?: Promise<SchemaCheck>;
  /** The optional timeline data source's schema. */
  timelineSchema?: Promise<DeliverySchema>;
  /** The webhook drain: the run in progress, and whether to look again after it. */
  drain?: { running: Promise<void> | undefined; again: boolean };
}

/** Delivery sync runs only with a `delivery` section and NOTION_TOKEN. */
export function deliverySetup(deps: Pick<Deps, 'config' | 'notion'>): DeliverySetup | undefined {
  const { delivery, clients } = deps.config;
  return delivery && deps.notion
    ? { notion: deps.notion, delivery, clients, cache: {} }
    : undefined;
}

/**
 * Retrieves the delivery data source's schema and checks it against the
 * configuration, once per process unless `refresh` (as `/gigs sync` asks).
 * A failed retrieval is not cached, so the next caller tries again.
 */
export function checkDeliverySetup(
  { notion, delivery, cache }: DeliverySetup,
  { refresh = false } = {},
): Promise<SchemaCheck> {
  if (cache.schemaCheck && !refresh) return cache.schemaCheck;
  const check = retrieveDeliverySchema(notion, delivery.notion.dataSourceId).then((schema) =>
    checkDeliverySchema(schema, delivery.notion),
  );
  cache.schemaCheck = check;
  check.catch(() => {
    if (cache.schemaCheck === check) delete cache.schemaCheck;
  });
  return check;
}
