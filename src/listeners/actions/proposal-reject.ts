import type { Deps } from '../../deps.ts';
import { startProposalModal } from '../../services/start-proposal-modal.ts';
import type { Listeners } from '../../slack/router.ts';
import { ackThen } from '../ack-then.ts';
import { type ButtonArgs, parsePress } from './button-press.ts';

/** **Reject** on a draft: opens its modal before anything slow (trigger_id lives 3 s). */
export function registerProposalReject(app: Listeners, deps: Deps): void {
  app.action<ButtonArgs['body']>('proposal_reject', async (args: ButtonArgs) => {
    // What the work reads, taken out of the request so the rest of it can go (ack-then.ts).
    const press = parsePress(args);
    const { client } = args;
    await ackThen(args.ack, () =>
      startProposalModal(deps, client, {
        kind: 'reject',
        id: press.value,
        user: press.user,
        channel: press.channel,
        triggerId: press.triggerId,
      }),
    );
  });
}
