import type { BlockAction, ButtonAction } from '@slack/bolt';
import { clientTimeZone } from '../../config.ts';
import { formatWhen } from '../../domain/format-when.ts';
import { commonCopy } from '../../i18n/common.ts';
import { snapshotCopy } from '../../i18n/snapshots.ts';
import { allowAdmin } from '../../listeners/admin-only.ts';
import type { Listeners } from '../../slack/listeners.ts';
import type { MailDeps } from './email-report.ts';
import { NOTE_ACTION, NOTE_BLOCK, NOTE_MAX, SNAPSHOT_APPROVE_ACTION } from './held-blocks.ts';
import { expireHeld } from './hold.ts';
import { postClientSnapshot } from './post-client-snapshot.ts';

type StateValues = Record<string, Record<string, { value?: string | null }>>;

/** The note typed in the preview's field, trimmed; none when empty. */
export function noteFrom(values: StateValues | undefined): string | undefined {
  const note = values?.[NOTE_BLOCK]?.[NOTE_ACTION]?.value?.trim();
  return note ? note.slice(0, NOTE_MAX) : undefined;
}

/**
 * **Approve** on a held snapshot's preview (admins only, checked here): the
 * week is approved once, with the note; before the slot it goes out at the
 * slot, after it at once, marked late. Past the grace window it is refused
 * and nothing is sent; a second press is told who approved.
 */
export function registerSnapshotApprove(app: Listeners, deps: MailDeps): void {
  app.action<BlockAction<ButtonAction>>(
    SNAPSHOT_APPROVE_ACTION,
    async ({ ack, action, body, respond }) => {
      const user = body.user?.id;
      const [clientId = '', week = ''] = (action.value ?? '').split(':');
      const note = noteFrom(body.state?.values as StateValues | undefined);
      await ack();
      const { locale } = deps.config;
      const copy = snapshotCopy(locale);
      const say = (text: string, replace = false) =>
        respond({ response_type: 'ephemeral', replace_original: replace, text });
      if (!user || !(await allowAdmin(deps, user, 'approve', respond))) return;
      const client = deps.config.clients.find((c) => c.id === clientId);
      const kept = client && (await deps.store.reports.get(clientId, week));
      if (!client || !kept || kept.hold === 'none') return void (await say(copy.noHeld));
      const timeZone = clientTimeZone(deps.config, client);
      const end = new Date(kept.slotAt.getTime() + client.snapshot.graceHours * 3_600_000);
      const now = deps.now();
      if (kept.hold === 'expired' || (kept.hold === 'held' && now > end)) {
        await expireHeld(deps, client, week);
        return void (await say(copy.tooLate(formatWhen(end, timeZone, locale))));
      }
      if (!(await deps.store.reports.approve(clientId, week, user, note, now))) {
        const again = await deps.store.reports.get(clientId, week);
        return void (await say(copy.alreadyApproved(again?.approvedBy ?? kept.approvedBy ?? '')));
      }
      deps.logger.info({ client: clientId, week, user, note: !!note }, 'held snapshot approved');
      if (now < kept.slotAt) {
        const when = formatWhen(kept.slotAt, timeZone, locale);
        return void (await say(copy.approved(user, when), true));
      }
      try {
        await postClientSnapshot(deps, client, { slotTime: kept.slotAt });
        await say(copy.approvedLate(user, client.channel), true);
      } catch (error) {
        // Approved: the snapshot:retry run sends it within the grace window.
        deps.logger.error({ err: error, client: clientId, week }, 'approved snapshot failed');
        await say(commonCopy(locale).somethingFailed);
      }
    },
  );
}
