import type { SlackMessage } from '../../blocks/usage.ts';
import type { ClientConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { adminsOf } from '../../domain/roles.ts';
import { postOnce } from '../../slack/post-once.ts';
import { failDelivery } from './deliveries.ts';

const LEASE_MS = 10 * 60_000;

/** What an admin's DM about a held snapshot is: its preview, or that nobody approved it. */
export type AdminNotice = 'preview' | 'expired';

/**
 * A message about a held snapshot to each admin, in their DM with the bot,
 * once per admin, client and week: each admin's delivery is claimed in the
 * store (`preview:<user>`, `expired:<user>`), and the post itself goes through
 * postOnce with a marker, so a retry finds a post that landed. A failed DM is
 * tried again while the week's grace window lasts.
 */
export async function tellAdmins(
  deps: Deps,
  client: ClientConfig,
  week: string,
  notice: AdminNotice,
  message: SlackMessage,
  { since, graceEnd }: { since: Date; graceEnd: Date },
): Promise<number> {
  const log = deps.logger.child({ client: client.id, week, notice });
  const admins = adminsOf(deps.config);
  if (admins.length === 0) {
    log.error('a held snapshot needs admins (or proposals.approvers) to approve it: set admins');
    return 0;
  }
  let told = 0;
  for (const admin of admins) {
    const key = { clientId: client.id, week, channel: `${notice}:${admin}` };
    if (!(await deps.store.reports.claimDelivery(key, deps.instanceId, deps.now(), LEASE_MS)))
      continue;
    try {
      const opened = await deps.slack.conversations.open({ users: admin });
      const dm = opened.channel?.id;
      if (!dm) throw new Error(`Slack opened no DM with ${admin}`);
      const posted = await postOnce({
        poster: deps.slackPost ?? deps.slack,
        reader: deps.slack,
        channel: dm,
        marker: { type: `gigops_snapshot_${notice}`, id: `${client.id}:${week}` },
        since,
        lookFirst: true,
        message,
      });
      await deps.store.reports.completeDelivery(key, deps.instanceId, deps.now(), posted.ts);
      told += 1;
    } catch (error) {
      const { nextAt } = await failDelivery(deps, key, (error as Error).message, graceEnd);
      deps.health.error('slack', `${client.id} ${notice} to ${admin}: ${(error as Error).message}`);
      log.error({ err: error, admin, nextAt }, 'could not tell an admin about a held snapshot');
    }
  }
  return told;
}
