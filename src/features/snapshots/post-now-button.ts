import type { BlockAction, ButtonAction } from '@slack/bolt';
import { echoInput } from '../../domain/parse-gigs-command.ts';
import { isGigopsError } from '../../errors.ts';
import { commonCopy } from '../../i18n/common.ts';
import { snapshotCopy } from '../../i18n/snapshots.ts';
import { allowAdmin } from '../../listeners/admin-only.ts';
import type { Listeners } from '../../slack/listeners.ts';
import { PostNotConfirmed } from '../../slack/post-once.ts';
import { snapshotsConfigured } from './compose.ts';
import type { MailDeps } from './email-report.ts';
import { postClientSnapshot } from './post-client-snapshot.ts';
import { SNAPSHOT_POST_ACTION } from './snapshot-blocks.ts';

/** **Post now** on a preview: this week's post, under the same exactly-once rule as the schedule. */
export function registerSnapshotPost(app: Listeners, deps: MailDeps): void {
  app.action<BlockAction<ButtonAction>>(
    SNAPSHOT_POST_ACTION,
    async ({ ack, action, body, respond }) => {
      const picked = action.value ?? '';
      const user = body.user?.id;
      await ack();
      const { locale, clients } = deps.config;
      const copy = snapshotCopy(locale);
      const say = (text: string) =>
        respond({ response_type: 'ephemeral', replace_original: false, text });
      if (!(await allowAdmin(deps, user, 'post', respond))) return;
      const client = clients.find((c) => c.id === picked);
      if (!client) {
        await say(copy.unknownClient(echoInput(picked), clients.map((c) => c.id).join(', ')));
        return;
      }
      if (!snapshotsConfigured(deps)) {
        await say(copy.needNotion);
        return;
      }
      try {
        // An admin's Post now approves a held week (PRODUCT.md: admins post snapshots).
        const result = await postClientSnapshot(deps, client, {
          slotTime: deps.now(),
          approvedBy: user,
        });
        await say(
          result.outcome === 'posted'
            ? copy.posted(client.channel)
            : result.outcome === 'expired'
              ? copy.expiredWeek(result.week)
              : result.outcome === 'held'
                ? copy.heldPending(client.name)
                : copy.alreadyPosted(result.week, client.channel),
        );
      } catch (error) {
        deps.logger.error({ err: error, client: client.id }, 'Post now failed');
        await say(
          error instanceof PostNotConfirmed
            ? commonCopy(locale).notPosted({
                what: 'snapshot',
                channel: client.channel,
                failed: error,
              })
            : isGigopsError(error)
              ? copy.notionProblem(error.message)
              : commonCopy(locale).somethingFailed,
        );
      }
    },
  );
}
