import { GitHubRateLimitedError } from '../../clients/github-errors.ts';
import { ErrorCode, isGigopsError } from '../../errors.ts';
import type { Locale } from '../../i18n/locale.ts';
import { radarCopy } from '../../i18n/radar.ts';

/**
 * The honest answer when GitHub fails a radar request, or undefined when the
 * error is not GitHub's (the caller's generic handler logs and says so).
 */
export function describeRadarProblem(
  error: unknown,
  locale: Locale,
  timeZone: string,
): string | undefined {
  const copy = radarCopy(locale);
  if (error instanceof GitHubRateLimitedError) {
    const reset = error.resetAt
      ? new Intl.DateTimeFormat(locale, {
          timeZone,
          hour: '2-digit',
          minute: '2-digit',
          timeZoneName: 'short',
        }).format(error.resetAt)
      : undefined;
    return copy.rateLimited(reset);
  }
  if (isGigopsError(error, ErrorCode.GitHubAuthFailed)) return copy.authFailed;
  if (isGigopsError(error, ErrorCode.GitHubUnreachable))
    return copy.githubUnreachable(error.message);
  if (isGigopsError(error, ErrorCode.GitHubUnavailable))
    return copy.githubDown(error.message.replace(/^GitHub did not answer \((.*)\)$/, '$1'));
  return undefined;
}
