import type { KnownBlock } from '@slack/types';
import type { Deps } from '../../deps.ts';
import { echoInput } from '../../domain/parse-gigs-command.ts';
import { parseOpportunityId } from '../../domain/proposal.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import { ackThen } from '../../listeners/ack-then.ts';
import type { Listeners } from '../../slack/listeners.ts';
import { withDraftPosted } from '../radar/index.ts';
import { type ButtonArgs, parsePress } from './button-press.ts';
import { draftProposal } from './draft-proposal.ts';
import { tellPrivately } from './presenter.ts';

/** **Draft proposal** on an opportunity: value `owner/repo#number`. */
export function registerOpportunityDraft(app: Listeners, deps: Deps): void {
  app.action<ButtonArgs['body']>('opportunity_draft', async (args: ButtonArgs) => {
    // What the work reads, taken out of the request so the rest of it can go (ack-then.ts).
    const press = parsePress(args);
    const { client } = args;
    const listing = args.body.message as { text?: string; blocks?: KnownBlock[] } | undefined;
    await ackThen(args.ack, async () => {
      const copy = proposalCopy(deps.config.locale);
      const ref = parseOpportunityId(press.value);
      if (!ref) {
        await tellPrivately(
          client,
          press.channel,
          press.user,
          copy.badOpportunity(echoInput(press.value)),
        );
        return;
      }
      const outcome = await draftProposal(deps, client, {
        ...ref,
        requestedBy: press.user,
        channel: press.channel,
        threadTs: press.messageTs,
      });
      const text = outcome.kind === 'problem' ? outcome.text : outcome.elsewhere;
      if (text) await tellPrivately(client, press.channel, press.user, text);
      if (outcome.kind === 'posted' && listing?.blocks && press.messageTs) {
        // The listing stops offering Draft for it, and says where the draft is.
        const { record } = outcome;
        const blocks = withDraftPosted(
          listing.blocks,
          record.opportunityId,
          deps.config.locale,
          record.threadTs === press.messageTs ? 'thread' : { channel: record.channel },
        );
        if (blocks)
          await client.chat
            .update({
              channel: press.channel,
              ts: press.messageTs,
              text: listing.text ?? '',
              blocks,
            })
            .catch((error: unknown) =>
              deps.logger.warn({ err: error }, 'could not mark the listing as drafted'),
            );
      }
    });
  });
}
