import { clientTimeZone } from '../config.ts';
import type { Deps } from '../deps.ts';
import { catchUpSnapshots } from '../services/catch-up-snapshots.ts';
import { snapshotsConfigured } from '../services/compose-client-snapshot.ts';
import { postClientSnapshot } from '../services/post-client-snapshot.ts';
import { pruneStore } from '../services/prune-store.ts';
import { deliveryReconcileJob, RECONCILE_JOB } from './delivery.ts';
import { digestJob } from './digest.ts';
import type { ScheduledJob, Scheduler } from './scheduler.ts';

/** Every scheduled job; each feature adds its own here. */
export function registerJobs(scheduler: Scheduler, deps: Deps): void {
  // Posts go through the client that never retries by itself (postOnce decides).
  const digest = digestJob(deps, deps.slackPost ?? deps.slack);
  if (digest) scheduler.add(digest);
  const reconcile = deliveryReconcileJob(deps);
  if (reconcile) {
    scheduler.add(reconcile);
    // What grows without end is delivery sync's: recorded deliveries, reconciliation slots.
    scheduler.add(pruneJob(deps));
  }
  registerSnapshotJobs(scheduler, deps);
}

export const PRUNE_JOB = 'store-prune';

/** Daily: old finished deliveries and reconciliation slots go (prune-store.ts). */
function pruneJob(deps: Deps): ScheduledJob {
  return {
    name: PRUNE_JOB,
    cron: '41 3 * * *',
    timezone: deps.config.timezone,
    run: async () => {
      await pruneStore(deps, [RECONCILE_JOB]);
    },
  };
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
