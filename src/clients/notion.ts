import { Client, LogLevel } from '@notionhq/client';
import type { Logger } from '../log.ts';

/** Data sources (databases as containers) need 2025-09-03 or later. */
export const NOTION_VERSION = '2025-09-03';

export interface NotionClientOptions {
  token: string;
  baseUrl: string;
  logger: Logger;
  fetch?: typeof fetch;
}

export function createNotion({
  token,
  baseUrl,
  logger,
  fetch: fetchImpl,
}: NotionClientOptions): Client {
  const log = logger.child({ component: 'notion' });
  return new Client({
    auth: token,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    notionVersion: NOTION_VERSION,
    timeoutMs: 15_000,
    logLevel: LogLevel.WARN,
    logger: (level, message, extra) =>
      log[level === 'error' ? 'error' : 'warn']({ extra }, message),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}
