import { ErrorCode, GigopsError } from '../errors.ts';
import { classifyFailure } from './network-failure.ts';

/** A rate-limit stop: `resetAt` says when GitHub will answer again. */
export class GitHubRateLimitedError extends GigopsError {
  readonly resetAt: Date | undefined;
  constructor(resetAt: Date | undefined, options?: { cause?: unknown }) {
    super(ErrorCode.GitHubRateLimited, 'GitHub rate limit reached', options);
    this.resetAt = resetAt;
  }
}

/** The HTTP status of an Octokit failure, when it has one. */
export const statusOf = (e: unknown) => (e as { status?: number }).status;

/** Octokit failures → errors the user can act on (invalid token, rate limit with reset, down). */
export function toGigopsError(error: unknown, now: Date): GigopsError {
  if (error instanceof GigopsError) return error;
  const status = statusOf(error);
  const headers = ((error as { response?: { headers?: Record<string, unknown> } }).response
    ?.headers ?? {}) as Record<string, string | undefined>;
  if (status === 401) {
    return new GigopsError(
      ErrorCode.GitHubAuthFailed,
      'GitHub rejected GITHUB_TOKEN (401 Bad credentials)',
      { cause: error },
    );
  }
  const remaining = headers['x-ratelimit-remaining'];
  const retryAfter = headers['retry-after'];
  if ((status === 403 || status === 429) && (remaining === '0' || retryAfter !== undefined)) {
    const reset = headers['x-ratelimit-reset'];
    const resetAt =
      retryAfter !== undefined && Number.isFinite(Number(retryAfter))
        ? new Date(now.getTime() + Number(retryAfter) * 1000)
        : reset !== undefined && Number.isFinite(Number(reset))
          ? new Date(Number(reset) * 1000)
          : undefined;
    return new GitHubRateLimitedError(resetAt, { cause: error });
  }
  const failure = classifyFailure(error, now);
  if (failure.kind === 'unreachable')
    return new GigopsError(ErrorCode.GitHubUnreachable, failure.detail, { cause: error });
  const what = status ? `HTTP ${status}` : ((error as Error).message ?? 'no answer');
  return new GigopsError(ErrorCode.GitHubUnavailable, `GitHub did not answer (${what})`, {
    cause: error,
  });
}
