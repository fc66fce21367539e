import { clientTimeZone } from '../../config.ts';
import { currentSlot } from '../../domain/snapshot-slots.ts';
import { isoWeek } from '../../domain/zoned-time.ts';
import { cronFields } from '../../scheduling/cron-fields.ts';
import { snapshotsConfigured } from './compose.ts';
import type { MailDeps } from './email-report.ts';
import { postClientSnapshot, SNAPSHOT_LEASE_MS, snapshotJob } from './post-client-snapshot.ts';
import { weekDue } from './week-due.ts';

export type CatchUp =
  | { clientId: string; action: 'posted-late'; week: string }
  | { clientId: string; action: 'skipped'; week: string; reason: string }
  | { clientId: string; action: 'none'; week: string | undefined };

/**
 * On start-up: a client whose latest slot was missed (the bot was down at
 * 10:00) gets it now, marked late, if still within `graceHours`; past that
 * the week is skipped and the log says why. With `retry` (every few minutes
 * while running) it does the same quietly, so a post that failed (Slack or
 * Notion down) goes out at the next opportunity within the grace window, and
 * so does an e-mail whose next try has come.
 */
export async function catchUpSnapshots(
  deps: MailDeps,
  { retry = false }: { retry?: boolean } = {},
): Promise<CatchUp[]> {
  const now = deps.now();
  const out: CatchUp[] = [];
  if (!snapshotsConfigured(deps)) return out; // registerJobs has said so in the log
  for (const client of deps.config.clients) {
    const timeZone = clientTimeZone(deps.config, client);
    const slot = currentSlot(cronFields(client.snapshot.cron), timeZone, now);
    if (!slot) {
      out.push({ clientId: client.id, action: 'none', week: undefined });
      continue;
    }
    const week = isoWeek(slot, timeZone);
    const claimed = await deps.store.jobs.getSlot(snapshotJob(client.id), week);
    const abandoned =
      claimed !== undefined &&
      !claimed.completedAt &&
      now.getTime() - claimed.claimedAt.getTime() > SNAPSHOT_LEASE_MS;
    if (
      claimed &&
      !abandoned &&
      !retry &&
      !claimed.completedAt &&
      claimed.owner !== deps.instanceId
    )
      deps.logger.warn(
        { client: client.id, week, owner: claimed.owner },
        'this week’s snapshot was being posted when gigops stopped; not posting again until its claim lapses: check the channel',
      );
    const due = await weekDue(deps, client, week);
    if (claimed && !abandoned && !due.email && !due.pdf) {
      out.push({ clientId: client.id, action: 'none', week });
      continue;
    }
    if (abandoned) {
      deps.logger.warn(
        { client: client.id, week, owner: claimed?.owner },
        'the replica that claimed this week’s snapshot never finished; taking it over',
      );
    }
    const lateHours = (now.getTime() - slot.getTime()) / 3_600_000;
    if (lateHours > client.snapshot.graceHours) {
      if (retry) {
        out.push({ clientId: client.id, action: 'none', week });
        continue;
      }
      const reason = `missed ${slot.toISOString()} by ${lateHours.toFixed(1)} h, past the ${client.snapshot.graceHours} h grace window`;
      deps.logger.warn({ client: client.id, week, reason }, 'skipping this week’s snapshot');
      deps.metrics.jobs.inc({ job: 'snapshot', outcome: 'skipped' });
      out.push({ clientId: client.id, action: 'skipped', week, reason });
      continue;
    }
    try {
      const result = await postClientSnapshot(deps, client, { slotTime: slot, late: true });
      out.push({
        clientId: client.id,
        action: result.outcome === 'posted' ? 'posted-late' : 'none',
        week,
      });
    } catch (error) {
      deps.logger.error({ err: error, client: client.id, week }, 'late snapshot failed');
      out.push({ clientId: client.id, action: 'skipped', week, reason: (error as Error).message });
    }
  }
  return out;
}
