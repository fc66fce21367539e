import type { Deps } from '../../deps.ts';
import type { Feature } from '../feature.ts';
import { catchUpSnapshots } from './catch-up.ts';
import { snapshotJobs } from './jobs.ts';
import { registerSnapshotPick } from './pick-menu.ts';
import { registerSnapshotPost } from './post-now-button.ts';
import { snapshotCommand } from './snapshot-command.ts';

// What the App Home reads of it: a client's figures.
export { composeClientSnapshot, snapshotsConfigured } from './compose.ts';

/**
 * Client snapshots: every client's weekly progress report from the Notion
 * delivery database, posted once per client and week (`snapshot:<id>` jobs,
 * a late post within the grace window at start-up and every 10 minutes),
 * `/gigs snapshot` with its picker and **Post now**.
 */
export function createSnapshots(deps: Deps): Feature {
  return {
    name: 'snapshots',
    subcommands: { snapshot: snapshotCommand },
    listen: (listeners) => {
      registerSnapshotPost(listeners, deps);
      registerSnapshotPick(listeners, deps);
    },
    jobs: snapshotJobs(deps),
    // A snapshot missed while the bot was down goes out late, within the grace window.
    start: async () => {
      await catchUpSnapshots(deps);
    },
  };
}
