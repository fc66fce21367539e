import type { BlockAction, StaticSelectAction } from '@slack/bolt';
import { SNAPSHOT_PICK_ACTION } from '../../blocks/client-snapshot.ts';
import type { Deps } from '../../deps.ts';
import { commonCopy } from '../../i18n/common.ts';
import type { Listeners } from '../../slack/router.ts';
import { ackThen } from '../ack-then.ts';
import { allowAdmin } from '../admin-only.ts';
import { answerSnapshot } from '../commands/snapshot.ts';

/** The client picker of `/gigs snapshot`: replaces itself with that client's preview. */
export function registerSnapshotPick(app: Listeners, deps: Deps): void {
  app.action<BlockAction<StaticSelectAction>>(
    SNAPSHOT_PICK_ACTION,
    async ({ ack, action, body, respond }) => {
      const picked = action.selected_option.value;
      const user = body.user?.id;
      await ackThen(ack, async () => {
        if (!(await allowAdmin(deps, user, 'snapshot', respond))) return;
        try {
          const answer = await answerSnapshot(deps, picked);
          await respond({ response_type: 'ephemeral', replace_original: true, ...answer });
        } catch (error) {
          deps.logger.error({ err: error }, 'snapshot preview failed');
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: commonCopy(deps.config.locale).somethingFailed,
          });
        }
      });
    },
  );
}
