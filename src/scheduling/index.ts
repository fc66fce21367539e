import { clientTimeZone } from '../config.ts';
import type { Deps } from '../deps.ts';
import { postClientSnapshot } from '../services/post-client-snapshot.ts';
import type { Scheduler } from './scheduler.ts';

/** Every scheduled job; each feature adds its own here. */
export function registerJobs(scheduler: Scheduler, deps: Deps): void {
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
}
