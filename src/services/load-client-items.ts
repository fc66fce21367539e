import { isNotionClientError, type Client as NotionClient } from '@notionhq/client';
import type { ClientConfig, DeliveryConfig } from '../config.ts';
import { decodeSnapshotItem } from '../domain/decode-snapshot-item.ts';
import type { SnapshotItem } from '../domain/snapshot-item.ts';
import { ErrorCode, GigopsError } from '../errors.ts';

export interface LoadItemsDeps {
  notion: NotionClient;
  delivery: NonNullable<DeliveryConfig['notion']>;
}

const PAGE_SIZE = 100;

/**
 * Every item of one client in the delivery data source: one filtered query,
 * pages of 100 following `next_cursor` (1,000 items = 10 requests). The one
 * place snapshots read Notion; at merge it may delegate to the delivery
 * feature's reader.
 */
export async function loadClientItems(
  deps: LoadItemsDeps,
  client: Pick<ClientConfig, 'notionClient'>,
): Promise<SnapshotItem[]> {
  const { dataSourceId, properties } = deps.delivery;
  const items: SnapshotItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.notion.dataSources
      .query({
        data_source_id: dataSourceId,
        filter: { property: properties.client, select: { equals: client.notionClient } },
        page_size: PAGE_SIZE,
        ...(cursor ? { start_cursor: cursor } : {}),
      })
      .catch((error: unknown) => {
        throw explain(error, dataSourceId, properties.client);
      });
    for (const result of page.results) {
      if (result.object !== 'page' || !('properties' in result)) continue;
      items.push(
        decodeSnapshotItem(result as Parameters<typeof decodeSnapshotItem>[0], properties),
      );
    }
    cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
  } while (cursor);
  return items;
}

/** A Notion refusal as something the user can act on. */
function explain(error: unknown, dataSourceId: string, clientProperty: string): unknown {
  if (!isNotionClientError(error)) return error;
  const code = 'code' in error ? String(error.code) : 'error';
  if (code === 'validation_error') {
    return new GigopsError(
      ErrorCode.NotionSchemaMismatch,
      `Notion rejected the query on data source \`${dataSourceId}\` (${error.message}); check that \`${clientProperty}\` is a select property, or set \`delivery.notion.properties.client\``,
      { cause: error },
    );
  }
  if (code === 'object_not_found' || code === 'unauthorized' || code === 'restricted_resource') {
    return new GigopsError(
      ErrorCode.NotionUnavailable,
      `Notion cannot open data source \`${dataSourceId}\` (${code}); check NOTION_TOKEN, share the database with the integration, and check \`delivery.notion.dataSourceId\``,
      { cause: error },
    );
  }
  return new GigopsError(
    ErrorCode.NotionUnavailable,
    `Notion did not answer (${code}): ${error.message}`,
    {
      cause: error,
    },
  );
}
