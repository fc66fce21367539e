import { clientTimeZone } from '../config.ts';
import type { Deps } from '../deps.ts';
import type { Feature } from '../features/feature.ts';
import { catchUpSnapshots } from '../services/catch-up-snapshots.ts';
import { snapshotsConfigured } from '../services/compose-client-snapshot.ts';
import { postClientSnapshot } from '../services/post-client-snapshot.ts';
import { digestJob } from './digest.ts';
import type { Scheduler } from './scheduler.ts';

/** Every scheduled job: the features' own, and those not yet in a feature folder. */
export function registerJobs(
  scheduler: Scheduler,
  deps: Deps,
  features: readonly Feature[] = [],
): void {
  // Posts go through the client that never retries by itself (postOnce decides).
  const digest = digestJob(deps, deps.slackPost ?? deps.slack);
  if (digest) scheduler.add(digest);
  for (const feature of features) for (const job of feature.jobs ?? []) scheduler.add(job);
  registerSnapshotJobs(scheduler, deps);
}

function registerSnapshotJobs(scheduler: Scheduler, deps: Deps): void {
  if (deps.config.clients.length === 0) return;
  if (!snapshotsConfigured(deps)) {
    deps.logger.warn(
      'client snapshots are off: set NOTION_TOKEN and delivery.notion.dataSourceId in gigops.yml',
    );
    return;
  }
  for (const client of deps.config.clients) {
    scheduler.add({
      name: `snapshot:${client.id}`,
      cron: client.snapshot.cron,
      timezone: clientTimeZone(deps.config, client),
      run: async (slotTime) => {
        await postClientSnapshot(deps, client, { slotTime });
      },
    });
  }
  // A failed post gave its slot back; this sends it within the grace window.
  scheduler.add({
    name: 'snapshot:retry',
    cron: '*/10 * * * *',
    timezone: deps.config.timezone,
    run: async () => {
      await catchUpSnapshots(deps, { retry: true });
    },
  });
}
