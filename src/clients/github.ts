import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Logger } from '../log.ts';
import { classifyFailure } from './network-failure.ts';

/** plugin-retry's defaults, plus 429. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/**
 * An unreachable GitHub (DNS fails, the connection is refused or times out)
 * is tried once more, not twice with 1 s and 4 s waits: Octokit calls it
 * HTTP 500, which the retry plugin would retry like a server error. Its error
 * hook sits inside the retry plugin's and sets the per-request retry count
 * that plugin reads.
 */
function unreachableOnce(octokit: Pick<Octokit, 'hook'>): void {
  octokit.hook.error('request', (error, options) => {
    if (classifyFailure(error).kind === 'unreachable') {
      const request = options.request as { retries?: number } | undefined;
      options.request = { ...request, retries: Math.min(request?.retries ?? 1, 1) };
    }
    throw error;
  });
}

const GitHub = Octokit.plugin(throttling, unreachableOnce, retry);
export type GitHubClient = InstanceType<typeof GitHub>;

export interface GitHubClientOptions {
  token: string | undefined;
  baseUrl: string;
  logger: Logger;
  /** Longest wait, in seconds, a rate limit may impose before we give up and say so. */
  maxRetryAfter?: number;
  fetch?: typeof fetch;
  /** Each request's deadline, including reading the body. */
  timeoutMs?: number;
  /** The unit the plugins' waits are counted in (1 s); tests shrink it. */
  retryBaseMs?: number;
  /** Each rate limit the throttling plugin meets, whether it waits it out or gives up. */
  onRateLimit?: (kind: RateLimitKind, retrying: boolean) => void;
}

/** GitHub's primary limit (`x-ratelimit-remaining: 0`) or a secondary one (`retry-after`). */
export type RateLimitKind = 'primary' | 'secondary';

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
  fetch: fetchImpl = (url, init) => fetch(url, init),
  timeoutMs = 10_000,
  retryBaseMs = 1000,
  onRateLimit,
}: GitHubClientOptions): GitHubClient {
  const log = logger.child({ component: 'github' });
  const onLimit =
    (kind: RateLimitKind) =>
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
      onRateLimit?.(kind, retrying);
      return retrying;
    };
  return new GitHub({
    ...(token ? { auth: token } : {}),
    baseUrl: baseUrl.replace(/\/+$/, ''),
    userAgent: 'gigops',
    // @octokit/request has no timeout option of its own: a hung GitHub would hang us.
    request: { fetch: withDeadline(fetchImpl, timeoutMs) },
    log: {
      debug: (m: string) => log.debug(m),
      info: (m: string) => log.debug(m),
      warn: (m: string) => log.warn(m),
      error: (m: string) => log.error(m),
    },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      retryAfterBaseValue: retryBaseMs,
    },
    // 429 is the throttling plugin's alone: the retry plugin would otherwise
    // retry a secondary limit at once, ignoring its retry-after.
    retry: { retries: 2, retryAfterBaseValue: retryBaseMs, doNotRetry: DO_NOT_RETRY },
  });
}

function withDeadline(inner: typeof fetch, ms: number): typeof fetch {
  return (url, init) => {
    const deadline = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return inner(url, { ...init, signal });
  };
}
