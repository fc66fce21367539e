import type { Client as NotionClient } from '@notionhq/client';
import type { GitHubClient } from './clients/github.ts';
import type { Config } from './config.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { Logger } from './log.ts';
import type { Store } from './store/store.ts';

/** Everything a listener, service or job may use, built once in main.ts. */
export interface Deps {
  config: Config;
  logger: Logger;
  store: Store;
  lifecycle: Lifecycle;
  github: GitHubClient;
  /** Absent without NOTION_TOKEN: delivery sync and snapshots are off. */
  notion: NotionClient | undefined;
  /** Injectable clock: tests pass a fixed one. */
  now: () => Date;
  /** Identifies this process when claiming scheduled slots. */
  instanceId: string;
  /**
   * Called after a proposal draft is rejected, so the radar can dismiss its
   * opportunity (`owner/repo#number`). Optional: wired in main.ts when the
   * radar is present; failures are logged, never shown as a failed reject.
   */
  onOpportunityRejected?: (opportunityId: string) => Promise<void>;
}
