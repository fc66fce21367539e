import type { App, BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../deps.ts';
import { radarCopy } from '../../i18n/radar.ts';

/** Draft proposal: wired by the proposals feature; until then it says drafting is coming. */
export function registerOpportunityDraft(app: App, deps: Deps): void {
  app.action<BlockButtonAction>('opportunity_draft', async ({ ack, action, respond }) => {
    await ack();
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: radarCopy(deps.config.locale).draftComing(action.value ?? ''),
    });
  });
}
