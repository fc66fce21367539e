import type { Deps } from '../../deps.ts';
import { approveProposal } from '../../services/approve-proposal.ts';
import type { Listeners } from '../../slack/router.ts';
import { type ButtonArgs, parsePress } from './button-press.ts';

/** **Approve** on a draft: value = draft id. */
export function registerProposalApprove(app: Listeners, deps: Deps): void {
  app.action<ButtonArgs['body']>('proposal_approve', async (args: ButtonArgs) => {
    await args.ack();
    const press = parsePress(args);
    await approveProposal(deps, args.client, {
      id: press.value,
      user: press.user,
      channel: press.channel,
    });
  });
}
