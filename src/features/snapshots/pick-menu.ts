import type { BlockAction, StaticSelectAction } from '@slack/bolt';
import type { Deps } from '../../deps.ts';
import { commonCopy } from '../../i18n/common.ts';
import { allowAdmin } from '../../listeners/admin-only.ts';
import type { Listeners } from '../../slack/listeners.ts';
import { SNAPSHOT_PICK_ACTION } from './snapshot-blocks.ts';
import { answerSnapshot } from './snapshot-command.ts';

/** The client picker of `/gigs snapshot`: replaces itself with that client's preview. */
export function registerSnapshotPick(app: Listeners, deps: Deps): void {
  app.action<BlockAction<StaticSelectAction>>(
    SNAPSHOT_PICK_ACTION,
    async ({ ack, action, body, respond }) => {
      const picked = action.selected_option.value;
      const user = body.user?.id;
      await ack();
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
    },
  );
}
