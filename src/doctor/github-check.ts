import { createGitHub } from '../clients/github.ts';
import { type Check, type CheckContext, failureCheck } from './check.ts';

export async function checkGitHub({ config, logger, fetch }: CheckContext): Promise<Check> {
  const github = createGitHub({
    token: config.env.GITHUB_TOKEN,
    baseUrl: config.env.GITHUB_API_URL,
    logger,
    maxRetryAfter: 0,
    ...(fetch ? { fetch } : {}),
  });
  try {
    const { data } = await github.rest.rateLimit.get();
    const core = data.resources.core;
    const search = data.resources.search;
    const reset = new Date(core.reset * 1000).toLocaleTimeString('en-GB', {
      timeZone: config.timezone,
    });
    const detail = `${core.remaining}/${core.limit} requests left (resets ${reset}), search ${search.remaining}/${search.limit} a minute`;
    if (!config.env.GITHUB_TOKEN) {
      return {
        name: 'GitHub',
        status: 'warn',
        detail: `no token: ${detail}`,
        fix: 'set GITHUB_TOKEN for higher limits',
      };
    }
    if (core.remaining === 0) {
      return {
        name: 'GitHub',
        status: 'fail',
        detail: `rate limit exhausted: ${detail}`,
        fix: 'wait for the reset',
      };
    }
    return { name: 'GitHub', status: 'ok', detail: `token accepted: ${detail}` };
  } catch (error) {
    return failureCheck('GitHub', error, {
      service: 'GitHub',
      urlVar: 'GITHUB_API_URL',
      url: config.env.GITHUB_API_URL,
      tokenVar: 'GITHUB_TOKEN',
      rejectedDetail: '401 Bad credentials',
      rejectedFix:
        'create a new token (no scopes needed for public repositories) and set GITHUB_TOKEN',
    });
  }
}
