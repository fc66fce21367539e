import type {
  AllMiddlewareArgs,
  App,
  BlockButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { withoutOpportunity } from '../../blocks/opportunities.ts';
import type { Deps } from '../../deps.ts';
import { parseOpportunityId } from '../../domain/opportunity.ts';
import { commonCopy } from '../../i18n/common.ts';
import { ackThen } from '../ack-then.ts';

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** Dismiss: never shown again; the entry in the message becomes one quiet line. */
export function registerOpportunityDismiss(app: App, deps: Deps): void {
  app.action<BlockButtonAction>('opportunity_dismiss', ({ ack, action, body, respond }) => {
    // Only these stay alive until the gate opens, not Bolt's whole request.
    const id = action.value ?? '';
    const blocks = (body.message?.blocks ?? []) as KnownBlock[];
    const text = body.message?.text ?? id;
    return ackThen(deps, ack, async () => {
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
      await respond({
        replace_original: true,
        text,
        blocks: withoutOpportunity(blocks, id, deps.config.locale),
      });
    });
  });
}
