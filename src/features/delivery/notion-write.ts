import type { Client } from '@notionhq/client';
import type { DeliveryConfig } from '../../config.ts';
import type { DeliveryPropertyKinds, DeliverySchema } from '../../domain/delivery-schema.ts';
import type { DeliveryChange } from './plan-delivery-update.ts';

/**
 * Writes to the delivery data source and the optional timeline: only the
 * properties a change names, in the types the data source uses (status or
 * select, people or text), through `@notionhq/client` v5.
 */
type NotionConfig = DeliveryConfig['notion'];
type PageProperties = NonNullable<Parameters<Client['pages']['update']>[0]['properties']>;

const text = (content: string) => (content ? [{ text: { content: content.slice(0, 2000) } }] : []);

/** The Notion property values for a change, in the types this data source uses. */
export function deliveryProperties(
  change: DeliveryChange,
  names: NotionConfig['properties'],
  kinds: DeliveryPropertyKinds,
): PageProperties {
  const props: Record<string, unknown> = {};
  if (change.status !== undefined)
    props[names.status] =
      kinds.status === 'status'
        ? { status: { name: change.status } }
        : { select: { name: change.status } };
  if (change.pr !== undefined) props[names.pr] = { url: change.pr };
  if (change.reviewer !== undefined)
    props[names.reviewer] =
      kinds.reviewer === 'people'
        ? { people: change.reviewer.people.map((id) => ({ id })) }
        : { rich_text: text(change.reviewer.text) };
  if (change.date !== undefined) props[names.date] = { date: { start: change.date } };
  if (change.qa !== undefined)
    props[names.qa] =
      kinds.qa === 'select' ? { select: { name: change.qa } } : { rich_text: text(change.qa) };
  return props as PageProperties;
}

/** One pages.update with only the changed properties. */
export async function updateDeliveryItem(
  notion: Client,
  pageId: string,
  properties: PageProperties,
): Promise<void> {
  await notion.pages.update({ page_id: pageId, properties });
}

export interface TimelineEntry {
  itemTitle: string;
  itemUrl: string;
  from: string | undefined;
  to: string;
  prUrl: string;
  at: string;
}

/**
 * Appends a row to the optional timeline data source: the title says
 * "item: from → to"; the first url property gets the PR, the first date
 * property the time, and a rich_text property named "Item" the item's link.
 */
export async function appendTimelineEntry(
  notion: Client,
  timeline: DeliverySchema,
  entry: TimelineEntry,
): Promise<void> {
  const props: Record<string, unknown> = {
    [timeline.titleProperty]: {
      title: text(`${entry.itemTitle}: ${entry.from ?? '—'} → ${entry.to}`),
    },
  };
  const find = (type: string) =>
    Object.entries(timeline.properties).find(([, p]) => p.type === type)?.[0];
  const url = find('url');
  const date = find('date');
  if (url) props[url] = { url: entry.prUrl };
  if (date) props[date] = { date: { start: entry.at } };
  if (timeline.properties.Item?.type === 'rich_text')
    props.Item = { rich_text: text(entry.itemUrl) };
  await notion.pages.create({
    parent: { data_source_id: timeline.dataSourceId },
    properties: props as PageProperties,
  });
}
