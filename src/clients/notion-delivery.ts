import type { Client } from '@notionhq/client';
import { z } from 'zod';
import type { DeliveryConfig } from '../config.ts';
import { type DeliveryItem, normalizeNotionId } from '../domain/delivery-item.ts';
import type { DeliverySchema } from '../domain/delivery-schema.ts';

/**
 * The client's Notion delivery data source, read through `@notionhq/client`
 * v5 (API 2025-09-03: data sources, not database queries). Responses are
 * parsed here; the rest of gigops sees domain types only. Writes:
 * notion-delivery-write.ts.
 */
type NotionConfig = DeliveryConfig['notion'];

const optionsSchema = z.object({ options: z.array(z.object({ name: z.string() })) }).loose();
const dataSourceSchema = z.object({
  id: z.string(),
  properties: z.record(
    z.string(),
    z
      .object({
        type: z.string(),
        status: optionsSchema.optional(),
        select: optionsSchema.optional(),
      })
      .loose(),
  ),
});

export async function retrieveDeliverySchema(
  notion: Client,
  dataSourceId: string,
): Promise<DeliverySchema> {
  const raw = dataSourceSchema.parse(
    await notion.dataSources.retrieve({ data_source_id: dataSourceId }),
  );
  const properties: DeliverySchema['properties'] = {};
  let titleProperty = '';
  for (const [name, p] of Object.entries(raw.properties)) {
    const options = (p.status ?? p.select)?.options.map((o) => o.name) ?? [];
    properties[name] = { type: p.type, options };
    if (p.type === 'title') titleProperty = name;
  }
  return { dataSourceId: raw.id, titleProperty, properties };
}

const richText = z.array(z.object({ plain_text: z.string() }).loose());
const named = z.object({ name: z.string() }).loose().nullish();
const propertyValue = z
  .object({
    type: z.string(),
    title: richText.optional(),
    rich_text: richText.optional(),
    status: named,
    select: named,
    url: z.string().nullish(),
    number: z.number().nullish(),
    checkbox: z.boolean().optional(),
    date: z.object({ start: z.string(), end: z.string().nullish() }).loose().nullish(),
    people: z.array(z.object({ id: z.string(), name: z.string().nullish() }).loose()).optional(),
  })
  .loose();
type PropertyValue = z.output<typeof propertyValue>;

export const pageSchema = z
  .object({
    object: z.literal('page'),
    id: z.string(),
    url: z.string(),
    created_time: z.string(),
    last_edited_time: z.string(),
    parent: z.object({ type: z.string(), data_source_id: z.string().optional() }).loose(),
    properties: z.record(z.string(), propertyValue),
  })
  .loose();

const plain = (rt: Array<{ plain_text: string }> | undefined) =>
  rt?.map((t) => t.plain_text).join('') ?? '';

/** Text of any property type we read: select/status names, rich text, url, people names. */
function textOf(v: PropertyValue | undefined): string | undefined {
  if (!v) return undefined;
  switch (v.type) {
    case 'status':
      return v.status?.name ?? undefined;
    case 'select':
      return v.select?.name ?? undefined;
    case 'rich_text':
      return plain(v.rich_text) || undefined;
    case 'title':
      return plain(v.title) || undefined;
    case 'url':
      return v.url ?? undefined;
    case 'people':
      return v.people?.map((p) => p.name ?? p.id).join(', ') || undefined;
    default:
      return undefined;
  }
}

/** One page of the delivery data source as a DeliveryItem, every configured property decoded. */
export function decodeDeliveryItem(raw: unknown, names: NotionConfig['properties']): DeliveryItem {
  const page = pageSchema.parse(raw);
  const p = page.properties;
  const title = Object.values(p).find((v) => v.type === 'title');
  const status = textOf(p[names.status]);
  const reviewer = p[names.reviewer];
  const date = p[names.date]?.date;
  const blocked = p[names.blocked];
  return {
    pageId: normalizeNotionId(page.id),
    url: page.url,
    title: plain(title?.title),
    status,
    prUrl: textOf(p[names.pr]),
    reviewer: textOf(reviewer),
    reviewerIds: reviewer?.type === 'people' ? (reviewer.people ?? []).map((u) => u.id) : [],
    date: date ? { start: date.start, end: date.end ?? undefined } : undefined,
    qa: textOf(p[names.qa]),
    points: p[names.points]?.number ?? undefined,
    client: textOf(p[names.client]),
    blocked: blocked?.type === 'checkbox' ? blocked.checkbox === true : status === names.blocked,
    owner: textOf(p[names.owner]),
    blockedReason: textOf(p[names.blockedReason]),
    createdTime: page.created_time,
    lastEditedTime: page.last_edited_time,
  };
}

const querySchema = z.object({
  results: z.array(z.object({ object: z.string() }).loose()),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
});

export interface QueryDeliveryOptions {
  /** Only the items whose PR property equals this URL. */
  prUrl?: string;
  /** Only the items of this client (the select value of the client property). */
  client?: string;
}

/** Every item of the delivery data source, 100 per request, following next_cursor. */
export async function queryDeliveryItems(
  notion: Client,
  config: Pick<NotionConfig, 'dataSourceId' | 'properties'>,
  options: QueryDeliveryOptions = {},
): Promise<DeliveryItem[]> {
  const items: DeliveryItem[] = [];
  const filters = [
    ...(options.prUrl ? [{ property: config.properties.pr, url: { equals: options.prUrl } }] : []),
    ...(options.client
      ? [{ property: config.properties.client, select: { equals: options.client } }]
      : []),
  ];
  const filter = filters.length > 1 ? { and: filters } : filters[0];
  let cursor: string | undefined;
  do {
    const page = querySchema.parse(
      await notion.dataSources.query({
        data_source_id: config.dataSourceId,
        page_size: 100,
        ...(cursor ? { start_cursor: cursor } : {}),
        ...(filter ? { filter } : {}),
      }),
    );
    for (const r of page.results) {
      if (r.object === 'page') items.push(decodeDeliveryItem(r, config.properties));
    }
    cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
  } while (cursor);
  return items;
}

/** A page by id, when it exists and belongs to the delivery data source. */
export async function retrieveDeliveryItem(
  notion: Client,
  config: Pick<NotionConfig, 'dataSourceId' | 'properties'>,
  pageId: string,
): Promise<DeliveryItem | undefined> {
  let raw: unknown;
  try {
    raw = await notion.pages.retrieve({ page_id: pageId });
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
  const page = pageSchema.safeParse(raw);
  if (!page.success) return undefined;
  const parent = page.data.parent.data_source_id;
  if (!parent || normalizeNotionId(parent) !== normalizeNotionId(config.dataSourceId))
    return undefined;
  return decodeDeliveryItem(raw, config.properties);
}
