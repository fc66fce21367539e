import type { Deps } from '../../deps.ts';
import type { Listeners } from '../../slack/listeners.ts';
import { type ButtonArgs, parsePress } from './button-press.ts';
import { polishProposal } from './polish-proposal.ts';

/** **Polish** on a draft (shown only with an LLM configured): value = draft id. */
export function registerProposalPolish(app: Listeners, deps: Deps): void {
  app.action<ButtonArgs['body']>('proposal_polish', async (args: ButtonArgs) => {
    const press = parsePress(args);
    const { client } = args;
    await args.ack();
    await polishProposal(deps, client, {
      id: press.value,
      user: press.user,
      channel: press.channel,
    });
  });
}
