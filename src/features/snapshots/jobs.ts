import { clientTimeZone } from '../../config.ts';
import type { ScheduledJob } from '../../scheduling/scheduler.ts';
import { catchUpSnapshots } from './catch-up.ts';
import { snapshotsConfigured } from './compose.ts';
import type { MailDeps } from './email-report.ts';
import { holdChecks } from './hold.ts';
import { postClientSnapshot } from './post-client-snapshot.ts';

/** Each client's weekly snapshot in its own zone, and the retry within the grace window. */
export function snapshotJobs(deps: MailDeps): ScheduledJob[] {
  if (deps.config.clients.length === 0) return [];
  if (!snapshotsConfigured(deps)) {
    deps.logger.warn(
      'client snapshots are off: set NOTION_TOKEN and delivery.notion.dataSourceId in gigops.yml',
    );
    return [];
  }
  return [
    ...deps.config.clients.map(
      (client): ScheduledJob => ({
        name: `snapshot:${client.id}`,
        cron: client.snapshot.cron,
        timezone: clientTimeZone(deps.config, client),
        run: async (slotTime) => {
          await postClientSnapshot(deps, client, { slotTime });
        },
      }),
    ),
    // A failed post gave its slot back; this sends it within the grace window.
    {
      name: 'snapshot:retry',
      cron: '*/10 * * * *',
      timezone: deps.config.timezone,
      run: async () => {
        await catchUpSnapshots(deps, { retry: true });
      },
    },
    // Held clients: the preview at slot - previewBefore, and the end of a week nobody approved.
    ...(deps.config.clients.some((c) => c.snapshot.hold)
      ? [
          {
            name: 'snapshot:hold',
            cron: '* * * * *',
            timezone: deps.config.timezone,
            run: async () => {
              await holdChecks(deps);
            },
          },
        ]
      : []),
  ];
}
