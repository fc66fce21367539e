import { Client, LogLevel } from '@notionhq/client';
import type { Logger } from '../log.ts';
import { type NotionRateLimitOptions, rateLimitedFetch } from './notion-rate-limit.ts';

/** Data sources (databases as containers) need 2025-09-03 or later. */
export const NOTION_VERSION = '2025-09-03';

type NotionOptions = NonNullable<ConstructorParameters<typeof Client>[0]>;

export interface NotionClientOptions {
  token: string;
  baseUrl: string;
  logger: Logger;
  fetch?: typeof fetch;
  /** Client-side pacing and 429 handling (see notion-rate-limit.ts). */
  rateLimit?: NotionRateLimitOptions;
}

export function createNotion({
  token,
  baseUrl,
  logger,
  fetch: fetchImpl,
  rateLimit,
}: NotionClientOptions): Client {
  const log = logger.child({ component: 'notion' });
  const limited = rateLimitedFetch(fetchImpl ?? ((url, init) => fetch(url, init)), {
    onRateLimited: (retryAfterMs, attempt) =>
      log.warn({ retryAfterMs, attempt }, 'Notion rate limit: waiting Retry-After'),
    ...rateLimit,
  });
  return new Client({
    auth: token,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    notionVersion: NOTION_VERSION,
    timeoutMs: 15_000,
    logLevel: LogLevel.WARN,
    logger: (level, message, extra) =>
      log[level === 'error' ? 'error' : 'warn']({ extra }, message),
    // 429s are retried by the limiter, which also paces; one policy, not two.
    retry: false,
    fetch: limited as NonNullable<NotionOptions['fetch']>,
  });
}
