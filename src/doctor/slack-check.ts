import { readFileSync } from 'node:fs';
import { WebClient } from '@slack/web-api';
import { parse as parseYaml } from 'yaml';
import { boltLogger } from '../slack/bolt-logger.ts';
import { type Check, type CheckContext, failureCheck } from './check.ts';

/** The bot scopes manifest.yml asks for: the app must have each. */
export function manifestScopes(path = new URL('../../manifest.yml', import.meta.url)): string[] {
  const manifest = parseYaml(readFileSync(path, 'utf8')) as {
    oauth_config?: { scopes?: { bot?: string[] } };
  };
  return manifest.oauth_config?.scopes?.bot ?? [];
}

export async function checkSlack({ config, logger }: CheckContext): Promise<Check> {
  const client = new WebClient(config.env.SLACK_BOT_TOKEN, {
    slackApiUrl: config.env.SLACK_API_URL,
    retryConfig: { retries: 1 },
    logger: boltLogger(logger),
  });
  try {
    const auth = await client.auth.test();
    const granted = auth.response_metadata?.scopes;
    const missing = granted ? manifestScopes().filter((s) => !granted.includes(s)) : [];
    if (missing.length > 0) {
      return {
        name: 'Slack',
        status: 'fail',
        detail: `authenticated as ${auth.user} in ${auth.team}, but missing scopes: ${missing.join(', ')}`,
        fix: 'add them under OAuth & Permissions (or update the app from manifest.yml) and reinstall the app',
      };
    }
    return {
      name: 'Slack',
      status: 'ok',
      detail: `authenticated as ${auth.user} in ${auth.team} (${config.mode} mode)`,
    };
  } catch (error) {
    return failureCheck('Slack', error, {
      service: 'Slack',
      urlVar: 'SLACK_API_URL',
      url: config.env.SLACK_API_URL,
      tokenVar: 'SLACK_BOT_TOKEN',
      rejectedFix:
        'set SLACK_BOT_TOKEN to the Bot User OAuth Token (xoxb-…) from OAuth & Permissions',
    });
  }
}
