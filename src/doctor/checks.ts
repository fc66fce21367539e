import { readFileSync } from 'node:fs';
import { WebClient } from '@slack/web-api';
import cron from 'node-cron';
import { parse as parseYaml } from 'yaml';
import { createGitHub } from '../clients/github.ts';
import { classifyFailure, type ServiceNames } from '../clients/network-failure.ts';
import { createNotion } from '../clients/notion.ts';
import { retrieveDeliverySchema } from '../clients/notion-delivery.ts';
import { type Config, clientTimeZone } from '../config.ts';
import { checkDeliverySchema } from '../domain/check-delivery-schema.ts';
import { deliveryCopy } from '../i18n/delivery.ts';
import type { Logger } from '../log.ts';
import { boltLogger } from '../slack/bolt-logger.ts';
import { slackErrorCode } from '../slack/post-once.ts';
import { openStore } from '../store/index.ts';

export interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  fix?: string;
}

export interface CheckContext {
  config: Config;
  logger: Logger;
  fetch?: typeof fetch;
}

const errorText = (e: unknown) => slackErrorCode(e) ?? (e as Error).message;
const statusOf = (e: unknown) => (e as { status?: number }).status;

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

/** Checks access to the delivery data source and its schema: every property, type and status option. */
export async function checkNotion({ config, logger, fetch }: CheckContext): Promise<Check> {
  const token = config.env.NOTION_TOKEN;
  const delivery = config.delivery;
  if (!token || !delivery) {
    return {
      name: 'Notion',
      status: 'warn',
      detail: 'off: delivery sync and snapshots are disabled',
      fix: token
        ? 'add a `delivery` section to gigops.yml'
        : 'set NOTION_TOKEN and add a `delivery` section',
    };
  }
  const notion = createNotion({
    token,
    baseUrl: config.env.NOTION_API_URL,
    logger,
    ...(fetch ? { fetch } : {}),
  });
  const id = delivery.notion.dataSourceId;
  try {
    const schema = await retrieveDeliverySchema(notion, id);
    const check = checkDeliverySchema(schema, delivery.notion);
    if (!check.ok) {
      const copy = deliveryCopy('en');
      const [first, ...rest] = check.problems.map((p) => copy.schemaProblem(p));
      return {
        name: 'Notion',
        status: 'fail',
        detail: `data source ${id} does not match gigops.yml: ${first}`,
        fix: rest.length > 0 ? `also: ${rest.join(' ')}` : 'then run `npm run doctor` again',
      };
    }
    const count = Object.keys(schema.properties).length;
    return {
      name: 'Notion',
      status: 'ok',
      detail: `data source ${id}: ${count} properties, every configured one usable`,
    };
  } catch (error) {
    if (statusOf(error) === 404)
      return {
        name: 'Notion',
        status: 'fail',
        detail: `data source ${id} not found or not shared with the integration`,
        fix: 'open the database in Notion → ••• → Connections → add your integration; check delivery.notion.dataSourceId',
      };
    return failureCheck('Notion', error, {
      service: 'Notion',
      urlVar: 'NOTION_API_URL',
      url: config.env.NOTION_API_URL,
      tokenVar: 'NOTION_TOKEN',
      rejectedDetail: '401 unauthorized',
      rejectedFix: 'copy the integration secret from notion.so/my-integrations into NOTION_TOKEN',
    });
  }
}

/**
 * A failed call as a check, read by the one classifier every path uses
 * (src/clients/network-failure.ts): rejected credentials, a server error with
 * its status, a rate limit, or unreachable (DNS, refused, timeout).
 */
function failureCheck(
  name: string,
  error: unknown,
  o: ServiceNames & { rejectedDetail?: string; rejectedFix: string },
): Check {
  const f = classifyFailure(error);
  switch (f.kind) {
    case 'credentials':
      return {
        name,
        status: 'fail',
        detail: `${o.tokenVar} was rejected (${o.rejectedDetail ?? f.detail})`,
        fix: o.rejectedFix,
      };
    case 'server':
      return {
        name,
        status: 'fail',
        detail: `server error (HTTP ${f.status})`,
        fix: `it is on ${o.service}'s side: run doctor again in a few minutes`,
      };
    case 'rate_limit':
      return {
        name,
        status: 'fail',
        detail: `rate limited${f.resetAt ? ` until ${f.resetAt.toISOString()}` : ''}`,
        fix: 'wait for the reset',
      };
    default:
      return {
        name,
        status: 'fail',
        detail: `unreachable: ${f.kind === 'unreachable' ? f.detail : errorText(error)}`,
        fix: `check ${o.urlVar} (${o.url}) and the network`,
      };
  }
}

export async function checkStore({ config }: CheckContext): Promise<Check> {
  try {
    const store = await openStore(config.env);
    try {
      await store.ready();
      const where =
        store.engine === 'sqlite' ? `SQLite under ${config.env.DATA_DIR}` : 'PostgreSQL';
      return { name: 'Store', status: 'ok', detail: `${where}: reachable and migrated` };
    } finally {
      await store.close();
    }
  } catch (error) {
    return {
      name: 'Store',
      status: 'fail',
      detail: (error as Error).message,
      fix: config.env.DATABASE_URL
        ? 'check DATABASE_URL'
        : `check that DATA_DIR (${config.env.DATA_DIR}) is writable`,
    };
  }
}

/** Every schedule, with its next run in its own time zone. */
export async function checkSchedules({ config }: CheckContext): Promise<Check[]> {
  const jobs: Array<[string, string, string]> = [];
  if (config.radar.digest) jobs.push(['radar digest', config.radar.digest.cron, config.timezone]);
  if (config.delivery)
    jobs.push(['delivery reconciliation', config.delivery.pollCron, config.timezone]);
  for (const client of config.clients) {
    jobs.push([`snapshot ${client.id}`, client.snapshot.cron, clientTimeZone(config, client)]);
  }
  const checks: Check[] = [];
  for (const [name, expression, timezone] of jobs) {
    // node-cron knows the next run only of a started task; it never fires here.
    const task = cron.createTask(expression, () => {}, { timezone });
    await task.start();
    const next = task.getNextRun();
    await task.destroy();
    const when = next
      ? next.toLocaleString('en-GB', {
          timeZone: timezone,
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          hour: '2-digit',
          minute: '2-digit',
        })
      : 'never';
    checks.push({
      name: `Schedule: ${name}`,
      status: 'ok',
      detail: `"${expression}" next ${when} (${timezone})`,
    });
  }
  return checks;
}
