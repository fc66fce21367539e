import type { Deps } from '../../deps.ts';
import type { Listeners } from '../../slack/listeners.ts';
import { approveProposal } from './approve-proposal.ts';
import { type ButtonArgs, parsePress } from './button-press.ts';

/** **Approve** on a draft: value = draft id. */
export function registerProposalApprove(app: Listeners, deps: Deps): void {
  app.action<ButtonArgs['body']>('proposal_approve', async (args: ButtonArgs) => {
    const press = parsePress(args);
    const { client } = args;
    await args.ack();
    await approveProposal(deps, client, {
      id: press.value,
      user: press.user,
      channel: press.channel,
    });
  });
}
