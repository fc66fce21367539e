import type { Deps } from '../../deps.ts';
import type { Listeners } from '../../slack/listeners.ts';
import type { SubmitArgs } from './modal-submission.ts';
import { PASTE_ACTIONS, PASTE_BLOCKS, PASTE_MODAL } from './paste-modal-blocks.ts';
import { submitPastedPost } from './paste-post.ts';

/** The paste modal submitted: field errors keep it open; a post is drafted after the ack. */
export function registerProposalPasteModal(app: Listeners, deps: Deps): void {
  app.view<SubmitArgs['body']>(PASTE_MODAL, async (args: SubmitArgs) => {
    const values = args.view.state.values;
    const outcome = submitPastedPost(deps, args.client, {
      user: args.body.user.id,
      metadata: args.view.private_metadata,
      text: values[PASTE_BLOCKS.job]?.[PASTE_ACTIONS.text]?.value,
      url: values[PASTE_BLOCKS.url]?.[PASTE_ACTIONS.url]?.value,
    });
    await (outcome.ack ? args.ack(outcome.ack) : args.ack());
    await outcome.after();
  });
}
