import type { Deps } from '../../deps.ts';
import { startProposalModal } from '../../services/start-proposal-modal.ts';
import type { Listeners } from '../../slack/router.ts';
import { type ButtonArgs, parsePress } from './button-press.ts';

/** **Reject** on a draft: opens its modal before anything slow (trigger_id lives 3 s). */
export function registerProposalReject(app: Listeners, deps: Deps): void {
  app.action<ButtonArgs['body']>('proposal_reject', async (args: ButtonArgs) => {
    await args.ack();
    const press = parsePress(args);
    await startProposalModal(deps, args.client, {
      kind: 'reject',
      id: press.value,
      user: press.user,
      channel: press.channel,
      triggerId: press.triggerId,
    });
  });
}
