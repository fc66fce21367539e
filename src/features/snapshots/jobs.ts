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
    // Daily: the reports whose links have all expired go, with their deliveries.
    {
      name: 'snapshot:prune',
      cron: '53 3 * * *',
      timezone: deps.config.timezone,
      run: async () => {
        await pruneReports(deps);
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

/** Reports are kept a fortnight past the longest link lifetime of any client. */
export const REPORT_KEEP_EXTRA_MS = 14 * 86_400_000;

/**
 * Forgets the week reports (and their deliveries) older than every client's
 * link lifetime plus REPORT_KEEP_EXTRA_MS: no link can open them and their
 * week will not be sent again. Idempotent: every replica may run it.
 */
export async function pruneReports(deps: Pick<MailDeps, 'config' | 'store' | 'logger' | 'now'>) {
  const longest = Math.max(0, ...deps.config.clients.map((c) => c.snapshot.linkExpiresAfter));
  const before = new Date(deps.now().getTime() - longest - REPORT_KEEP_EXTRA_MS);
  const reports = await deps.store.reports.prune(before);
  if (reports > 0) deps.logger.info({ reports, before }, 'old client reports pruned');
  return reports;
}
