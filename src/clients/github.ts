import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Logger } from '../log.ts';

const GitHub = Octokit.plugin(throttling, retry);
export type GitHubClient = InstanceType<typeof GitHub>;

export interface GitHubClientOptions {
  token: string | undefined;
  baseUrl: string;
  logger: Logger;
  /** Longest wait, in seconds, a rate limit may impose before we give up and say so. */
  maxRetryAfter?: number;
  fetch?: typeof fetch;
}

/**
 * The one GitHub client: REST and GraphQL on GITHUB_API_URL, with the
 * throttling plugin queueing requests (search: 30/min) and the retry plugin
 * retrying 5xx. Rate limits are waited out once when short, else reported.
 */
export function createGitHub({
  token,
  baseUrl,
  logger,
  maxRetryAfter = 20,
  fetch: fetchImpl,
}: GitHubClientOptions): GitHubClient {
  const log = logger.child({ component: 'github' });
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method: string; url: string },
      _o: unknown,
      retryCount: number,
    ) => {
      const retrying = retryCount < 1 && retryAfter <= maxRetryAfter;
      log.warn(
        { kind, retryAfter, method: options.method, url: options.url, retrying },
        'GitHub rate limit',
      );
      return retrying;
    };
  return new GitHub({
    ...(token ? { auth: token } : {}),
    baseUrl: baseUrl.replace(/\/+$/, ''),
    userAgent: 'gigops',
    request: { ...(fetchImpl ? { fetch: fetchImpl } : {}), timeout: 10_000 },
    log: {
      debug: (m: string) => log.debug(m),
      info: (m: string) => log.debug(m),
      warn: (m: string) => log.warn(m),
      error: (m: string) => log.error(m),
    },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
    },
    retry: { retries: 2 },
  });
}
