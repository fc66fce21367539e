import type { KnownBlock } from '@slack/types';
import type { Deps } from '../../deps.ts';
import type { Listeners } from '../../slack/listeners.ts';
import { type ButtonArgs, parsePress } from './button-press.ts';
import { draftProposal } from './draft-proposal.ts';
import { markListingDrafted, tellPrivately } from './presenter.ts';

/** **Draft proposal** on an opportunity: value its id, `source:key`. */
export function registerOpportunityDraft(app: Listeners, deps: Deps): void {
  app.action<ButtonArgs['body']>('opportunity_draft', async (args: ButtonArgs) => {
    const press = parsePress(args);
    const { client } = args;
    const listing = args.body.message as { text?: string; blocks?: KnownBlock[] } | undefined;
    await args.ack();
    const outcome = await draftProposal(deps, client, {
      id: press.value,
      requestedBy: press.user,
      channel: press.channel,
      threadTs: press.messageTs,
    });
    const text = outcome.kind === 'problem' ? outcome.text : outcome.tell;
    if (text) await tellPrivately(client, press.channel, press.user, text);
    if (outcome.kind === 'posted' && listing?.blocks && press.messageTs) {
      const at = { channel: press.channel, ts: press.messageTs, value: press.value };
      await markListingDrafted(
        deps,
        client,
        { ...at, text: listing.text ?? '', blocks: listing.blocks },
        outcome.record,
      );
    }
  });
}
