import type { Deps } from '../../deps.ts';
import { polishProposal } from '../../services/polish-proposal.ts';
import type { Listeners } from '../../slack/router.ts';
import { type ButtonArgs, parsePress } from './button-press.ts';

/** **Polish** on a draft (shown only with an LLM configured): value = draft id. */
export function registerProposalPolish(app: Listeners, deps: Deps): void {
  app.action<ButtonArgs['body']>('proposal_polish', async (args: ButtonArgs) => {
    await args.ack();
    const press = parsePress(args);
    await polishProposal(deps, args.client, {
      id: press.value,
      user: press.user,
      channel: press.channel,
    });
  });
}
