import { toGigopsError } from '../../clients/github-errors.ts';
import type { Deps } from '../../deps.ts';
import { ErrorCode } from '../../errors.ts';

export type TokenCheck = 'ok' | 'missing' | 'invalid' | 'unknown';

/**
 * Start-up check of GITHUB_TOKEN against GET /rate_limit (free of rate
 * limit). Logs what it finds and never throws: start-up must not wait on GitHub.
 */
export async function checkGitHubToken(deps: Deps): Promise<TokenCheck> {
  const log = deps.logger.child({ component: 'radar' });
  if (!deps.config.env.GITHUB_TOKEN) {
    log.info('GITHUB_TOKEN is unset: GitHub search runs on public limits (10 searches a minute)');
    return 'missing';
  }
  try {
    await deps.github.request('GET /rate_limit', { request: { retries: 0 } });
    return 'ok';
  } catch (error) {
    const e = toGigopsError(error, deps.now());
    if (e.code === ErrorCode.GitHubAuthFailed) {
      log.error(
        { code: e.code },
        'GitHub rejected GITHUB_TOKEN (bad credentials): /gigs will fail until you set a valid token',
      );
      return 'invalid';
    }
    log.warn({ code: e.code, reason: e.message }, 'could not check GITHUB_TOKEN at start-up');
    return 'unknown';
  }
}
