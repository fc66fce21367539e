import { type ClientConfig, clientTimeZone } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { formatWhen } from '../../domain/format-when.ts';
import { currentSlot, nextSlot } from '../../domain/snapshot-slots.ts';
import { isoWeek } from '../../domain/zoned-time.ts';
import { snapshotCopy } from '../../i18n/snapshots.ts';
import { cronFields } from '../../scheduling/cron-fields.ts';
import { snapshotsConfigured } from './compose.ts';
import { renderHeldPreview } from './held-blocks.ts';
import { tellAdmins } from './tell-admins.ts';
import { weekReport } from './week-report.ts';

export type HeldPreview = 'sent' | 'already' | 'building' | 'not-held';

const graceEnd = (client: ClientConfig, slot: Date) =>
  new Date(slot.getTime() + client.snapshot.graceHours * 3_600_000);

/**
 * The preview of a held client's week (`snapshot.hold`), to every admin:
 * the report is built now and kept as held (what the admins approve is what
 * the client gets), then each admin gets it once in their DM, with the note
 * field and **Approve**. Nothing goes to the client here.
 */
export async function previewHeld(
  deps: Deps,
  client: ClientConfig,
  slot: Date,
): Promise<HeldPreview> {
  const report = await weekReport(deps, client, slot, { held: true });
  if (!report) return 'building';
  if (report.hold !== 'held') return 'not-held';
  const timeZone = clientTimeZone(deps.config, client);
  const { locale } = deps.config;
  const message = renderHeldPreview(
    report.snapshot,
    { locale, timeZone },
    {
      clientId: client.id,
      week: report.week,
      channel: client.channel,
      emails: deps.config.env.SMTP_URL ? client.email.length : 0,
      when: formatWhen(report.slotAt, timeZone, locale),
    },
  );
  const told = await tellAdmins(deps, client, report.week, 'preview', message, {
    since: new Date(report.builtAt.getTime() - 60_000),
    graceEnd: graceEnd(client, report.slotAt),
  });
  return told > 0 ? 'sent' : 'already';
}

/**
 * A held week nobody approved by the end of its grace window: nothing is
 * sent, ever (the report becomes expired, so a late press of Approve is
 * refused too), and the admins are told, once.
 */
export async function expireHeld(deps: Deps, client: ClientConfig, week: string): Promise<boolean> {
  const kept = await deps.store.reports.get(client.id, week);
  if (kept?.hold !== 'held' || !(await deps.store.reports.expire(client.id, week))) return false;
  const timeZone = clientTimeZone(deps.config, client);
  const end = graceEnd(client, kept.slotAt);
  const copy = snapshotCopy(deps.config.locale);
  const text = copy.expired(client.name, week, formatWhen(end, timeZone, deps.config.locale));
  deps.logger.warn({ client: client.id, week }, 'held snapshot not approved in time: nothing sent');
  deps.metrics.jobs.inc({ job: 'snapshot', outcome: 'skipped' });
  await tellAdmins(
    deps,
    client,
    week,
    'expired',
    { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] },
    // Told within a day of the window's end, or not at all (a bot down that long).
    { since: end, graceEnd: new Date(end.getTime() + 24 * 3_600_000) },
  );
  return true;
}

export type HoldCheck = { clientId: string; week: string; action: 'preview' | 'expired' };

/**
 * What held clients need now (every minute, and at start-up): the preview
 * once the slot is `previewBefore` away, and the end of a week nobody
 * approved. The slot itself (the cron job, the retry run) sends an approved
 * week, and previews a held one that has none yet.
 */
export async function holdChecks(deps: Deps): Promise<HoldCheck[]> {
  const out: HoldCheck[] = [];
  if (!snapshotsConfigured(deps)) return out;
  const now = deps.now();
  for (const client of deps.config.clients.filter((c) => c.snapshot.hold)) {
    const timeZone = clientTimeZone(deps.config, client);
    const fields = cronFields(client.snapshot.cron);
    try {
      const last = currentSlot(fields, timeZone, now);
      if (last && now.getTime() > graceEnd(client, last).getTime()) {
        const week = isoWeek(last, timeZone);
        if (await expireHeld(deps, client, week))
          out.push({ clientId: client.id, week, action: 'expired' });
      }
      const next = nextSlot(fields, timeZone, now);
      if (next && now.getTime() >= next.getTime() - client.snapshot.previewBefore) {
        const week = isoWeek(next, timeZone);
        if ((await previewHeld(deps, client, next)) === 'sent')
          out.push({ clientId: client.id, week, action: 'preview' });
      }
    } catch (error) {
      deps.logger.error({ err: error, client: client.id }, 'held snapshot check failed');
    }
  }
  return out;
}
