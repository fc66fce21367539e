import type { Deps } from '../../deps.ts';
import { startProposalModal } from '../../services/start-proposal-modal.ts';
import type { Listeners } from '../../slack/router.ts';
import { ackThen } from '../ack-then.ts';
import { type ButtonArgs, parsePress } from './button-press.ts';

/** **Edit** on a draft: opens its modal before anything slow (trigger_id lives 3 s). */
export function registerProposalEdit(app: Listeners, deps: Deps): void {
  app.action<ButtonArgs['body']>('proposal_edit', async (args: ButtonArgs) => {
    // What the work reads, taken out of the request so the rest of it can go (ack-then.ts).
    const press = parsePress(args);
    const { client } = args;
    await ackThen(args.ack, () =>
      startProposalModal(deps, client, {
        kind: 'edit',
        id: press.value,
        user: press.user,
        channel: press.channel,
        triggerId: press.triggerId,
      }),
    );
  });
}
