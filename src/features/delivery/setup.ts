import type { Client } from '@notionhq/client';
import { retrieveDeliverySchema } from '../clients/notion-delivery.ts';
import type { ClientConfig, DeliveryConfig } from '../config.ts';
import type { Deps } from '../deps.ts';
import { checkDeliverySchema, type SchemaCheck } from '../domain/check-delivery-schema.ts';

export interface DeliverySetup {
  notion: Client;
  delivery: DeliveryConfig;
  /** Whose items a pull request may move (clients[].repos, see mayMoveItem). */
  clients: readonly ClientConfig[];
}

/** Delivery sync runs only with a `delivery` section and NOTION_TOKEN. */
export function deliverySetup(deps: Pick<Deps, 'config' | 'notion'>): DeliverySetup | undefined {
  const { delivery, clients } = deps.config;
  return delivery && deps.notion ? { notion: deps.notion, delivery, clients } : undefined;
}

const checked = new WeakMap<Client, Promise<SchemaCheck>>();

/**
 * Retrieves the delivery data source's schema and checks it against the
 * configuration, once per process unless `refresh` (as `/gigs sync` asks).
 * A failed retrieval is not cached, so the next caller tries again.
 */
export function checkDeliverySetup(
  { notion, delivery }: DeliverySetup,
  { refresh = false } = {},
): Promise<SchemaCheck> {
  const cached = checked.get(notion);
  if (cached && !refresh) return cached;
  const check = retrieveDeliverySchema(notion, delivery.notion.dataSourceId).then((schema) =>
    checkDeliverySchema(schema, delivery.notion),
  );
  checked.set(notion, check);
  check.catch(() => {
    if (checked.get(notion) === check) checked.delete(notion);
  });
  return check;
}
