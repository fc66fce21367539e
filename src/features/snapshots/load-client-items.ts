import type { isNotionClientError, Client as NotionClient } from '@notionhq/client';
import { classifyFailure, describeFailure } from '../../clients/network-failure.ts';
import { queryDeliveryItems } from '../../clients/notion-delivery.ts';
import type { ClientConfig, DeliveryConfig } from '../../config.ts';
import { type SnapshotItem, toSnapshotItem } from '../../domain/snapshot-item.ts';
import { ErrorCode, GigopsError } from '../../errors.ts';

export interface LoadItemsDeps {
  notion: NotionClient;
  delivery: NonNullable<DeliveryConfig['notion']>;
}

/**
 * Every item of one client in the delivery data source, through the one Notion
 * reader: a filtered query, pages of 100 following `next_cursor` (1,000 items
 * = 10 requests).
 */
export async function loadClientItems(
  deps: LoadItemsDeps,
  client: Pick<ClientConfig, 'notionClient'>,
): Promise<SnapshotItem[]> {
  const { dataSourceId, properties } = deps.delivery;
  const items = await queryDeliveryItems(deps.notion, deps.delivery, {
    client: client.notionClient,
  }).catch(async (error: unknown) => {
    // Imported here: start-up loads the Notion client only with NOTION_TOKEN (main.ts),
    // and by the time a query fails it is loaded.
    const notion = await import('@notionhq/client');
    throw explain(error, dataSourceId, properties.client, notion.isNotionClientError);
  });
  return items.map(toSnapshotItem);
}

const NOTION = { service: 'Notion', urlVar: 'NOTION_API_URL', tokenVar: 'NOTION_TOKEN' };

/** A Notion refusal or failure as something the user can act on. */
function explain(
  error: unknown,
  dataSourceId: string,
  clientProperty: string,
  isNotionError: typeof isNotionClientError,
): unknown {
  // No network, a Notion outage, a rate limit: said as every path says them.
  const failure = classifyFailure(error);
  if (failure.kind === 'unreachable' || failure.kind === 'server' || failure.kind === 'rate_limit')
    return new GigopsError(ErrorCode.NotionUnavailable, describeFailure(failure, NOTION), {
      cause: error,
    });
  if (!isNotionError(error)) return error;
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
