import { WebClient } from '@slack/web-api';
import { createGitHub } from '../../src/clients/github.ts';
import { createNotion } from '../../src/clients/notion.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Deps } from '../../src/deps.ts';
import { IntegrationHealth } from '../../src/integration-health.ts';
import { Lifecycle } from '../../src/lifecycle.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { OpportunitySources } from '../../src/sources/source.ts';
import { createSqliteStore } from '../../src/store/sqlite/index.ts';
import { BOT_TOKEN, testEnv } from './env.ts';

export const SNAPSHOT_YAML = (zone = 'America/New_York', extra = '') => `
timezone: Europe/Berlin
delivery:
  notion:
    dataSourceId: ds-delivery
clients:
  - id: acme
    name: ACME Corp
    channel: C0ACME
    notionClient: ACME
    notionUrl: https://www.notion.so/acme-delivery
    snapshot:
      timezone: ${zone}
${extra}`;

export interface SnapshotDepsOptions {
  yaml: string;
  dataDir: string;
  slackApiUrl: string;
  notionUrl: string | undefined;
  now: () => Date;
  instanceId?: string;
  /** More environment (SMTP_URL, PUBLIC_URL…). */
  env?: Record<string, string>;
}

/** Real services on a real SQLite store, with Slack and Notion on loopback fakes. */
export function snapshotDeps(o: SnapshotDepsOptions): Deps {
  const config: Config = loadConfig(
    testEnv({
      DATA_DIR: o.dataDir,
      SLACK_API_URL: o.slackApiUrl,
      ...(o.notionUrl ? { NOTION_TOKEN: 'secret_test', NOTION_API_URL: o.notionUrl } : {}),
      ...o.env,
    }),
    { readFile: () => o.yaml },
  );
  const logger = createLogger({ level: 'silent' });
  return {
    config,
    logger,
    store: createSqliteStore(o.dataDir),
    lifecycle: new Lifecycle(),
    metrics: createMetrics(),
    github: createGitHub({ token: undefined, baseUrl: 'http://127.0.0.1:9', logger }),
    notion: o.notionUrl
      ? createNotion({ token: 'secret_test', baseUrl: o.notionUrl, logger })
      : undefined,
    now: o.now,
    sources: new OpportunitySources([]),
    instanceId: o.instanceId ?? 'test-instance',
    slack: new WebClient(BOT_TOKEN, { slackApiUrl: o.slackApiUrl, retryConfig: { retries: 0 } }),
    health: new IntegrationHealth(o.now),
  };
}
