import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { Deps } from '../../deps.ts';
import { opportunityId } from '../../domain/opportunity.ts';
import { commonCopy } from '../../i18n/common.ts';
import { allowAdmin } from '../../listeners/admin-only.ts';
import type { Listeners } from '../../slack/listeners.ts';
import { withoutOpportunity } from './opportunity-blocks.ts';

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** Dismiss: never shown again; the entry in the message becomes one quiet line. */
export function registerOpportunityDismiss(app: Listeners, deps: Deps): void {
  app.action<BlockButtonAction>('opportunity_dismiss', async ({ ack, action, body, respond }) => {
    const id = action.value ?? '';
    const text = body.message?.text ?? id;
    const blocks = (body.message?.blocks ?? []) as KnownBlock[];
    const user = body.user?.id;
    await ack();
    const found = deps.sources.resolve(id);
    if (!found) {
      deps.logger.warn({ value: id.slice(0, 200) }, 'opportunity_dismiss with a malformed value');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: commonCopy(deps.config.locale).staleAction,
      });
      return;
    }
    if (!(await allowAdmin(deps, user, 'dismiss', respond))) return;
    // Saved under its id; the message's blocks still carry the value as posted.
    await deps.store.opportunities.dismiss(opportunityId(found.source, found.key), deps.now());
    await respond({
      replace_original: true,
      text,
      blocks: withoutOpportunity(blocks, id, deps.config.locale),
    });
  });
}
