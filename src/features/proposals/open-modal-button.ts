import type { Deps } from '../../deps.ts';
import type { Listeners } from '../../slack/listeners.ts';
import { type ButtonArgs, parsePress } from './button-press.ts';
import { startProposalModal } from './start-proposal-modal.ts';

/**
 * **Edit** and **Reject** on a draft (value = draft id): each opens its modal
 * before anything slow (a trigger_id lives 3 s).
 */
export function registerProposalModalButtons(app: Listeners, deps: Deps): void {
  for (const kind of ['edit', 'reject'] as const) {
    app.action<ButtonArgs['body']>(`proposal_${kind}`, async (args: ButtonArgs) => {
      const press = parsePress(args);
      const { client } = args;
      await args.ack();
      await startProposalModal(deps, client, {
        kind,
        id: press.value,
        user: press.user,
        channel: press.channel,
        triggerId: press.triggerId,
      });
    });
  }
}
