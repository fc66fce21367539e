import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { withoutOpportunity } from '../../blocks/opportunities.ts';
import type { Deps } from '../../deps.ts';
import { parseOpportunityId } from '../../domain/opportunity.ts';
import { commonCopy } from '../../i18n/common.ts';
import type { Listeners } from '../../slack/router.ts';

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** Dismiss: never shown again; the entry in the message becomes one quiet line. */
export function registerOpportunityDismiss(app: Listeners, deps: Deps): void {
  app.action<BlockButtonAction>('opportunity_dismiss', async ({ ack, action, body, respond }) => {
    await ack();
    const id = action.value ?? '';
    if (!parseOpportunityId(id)) {
      deps.logger.warn({ value: id.slice(0, 200) }, 'opportunity_dismiss with a malformed value');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: commonCopy(deps.config.locale).staleAction,
      });
      return;
    }
    await deps.store.opportunities.dismiss(id, deps.now());
    const blocks = (body.message?.blocks ?? []) as KnownBlock[];
    await respond({
      replace_original: true,
      text: body.message?.text ?? id,
      blocks: withoutOpportunity(blocks, id, deps.config.locale),
    });
  });
}
