import type { Deps } from '../../deps.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import type { Listeners } from '../../slack/listeners.ts';
import { EDIT_MODAL } from './modal-blocks.ts';
import { parseSubmission, type SubmitArgs } from './modal-submission.ts';
import { saveProposalEdit } from './save-proposal-edit.ts';

/** The edit modal submitted: field errors stay in the modal; success redraws the draft. */
export function registerProposalEditModal(app: Listeners, deps: Deps): void {
  app.view<SubmitArgs['body']>(EDIT_MODAL, async (args: SubmitArgs) => {
    const s = parseSubmission(args);
    if (!s) {
      const text = proposalCopy(deps.config.locale).unknownDraft;
      await args.ack({ response_action: 'errors', errors: { problem: text } });
      return;
    }
    const outcome = await saveProposalEdit(deps, args.client, {
      id: s.id,
      version: s.version,
      user: s.user,
      values: {
        problem: s.values.problem,
        plan: s.values.plan,
        evidence: s.values.evidence,
        price: s.values.price,
      },
    });
    // The ack carries the modal's answer; then the draft is redrawn.
    await args.ack(outcome.ack);
    await outcome.after();
  });
}
