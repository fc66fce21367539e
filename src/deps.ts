import type { Client as NotionClient } from '@notionhq/client';
import type { WebClient } from '@slack/web-api';
import type { GitHubClient } from './clients/github.ts';
import type { Config } from './config.ts';
import type { IntegrationHealth } from './integration-health.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { OpportunitySources } from './sources/source.ts';
import type { Store } from './store/store.ts';

/** Everything a listener, service or job may use, built once in main.ts. */
export interface Deps {
  config: Config;
  logger: Logger;
  store: Store;
  lifecycle: Lifecycle;
  metrics: Metrics;
  github: GitHubClient;
  /** Absent without NOTION_TOKEN: delivery sync and snapshots are off. */
  notion: NotionClient | undefined;
  /** Where opportunities come from (GitHub issues first): the radar asks each, proposals draft from them. */
  sources: OpportunitySources;
  /** Injectable clock: tests pass a fixed one. */
  now: () => Date;
  /** Identifies this process when claiming scheduled slots. */
  instanceId: string;
  /** The bot's Web API client, for scheduled posts made outside a request. */
  slack: WebClient;
  /**
   * The same, never retrying by itself: for posts, which are not idempotent
   * (postOnce). Absent in tests that build their own clients: then `slack`.
   */
  slackPost?: WebClient;
  /** Last success / last error per integration, shown on the App Home. */
  health: IntegrationHealth;
  /**
   * Resolves once no request waits for its answer (src/http/ack-gate.ts):
   * background work awaits it between steps, so acks go first.
   */
  idle?: () => Promise<void>;
}

/** What the radar needs: the terminal CLI builds just this, without Slack. */
export type RadarDeps = Pick<Deps, 'config' | 'logger' | 'store' | 'github' | 'now' | 'sources'>;

/** What a source is built from. */
export type SourcePorts = Pick<Deps, 'config' | 'logger' | 'github' | 'now'>;
