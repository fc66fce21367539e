import type { Deps } from '../../deps.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import type { Listeners } from '../../slack/listeners.ts';
import { REASON_BLOCK } from './modal-blocks.ts';
import { parseSubmission, type SubmitArgs } from './modal-submission.ts';
import { rejectProposal } from './reject-proposal.ts';

/** The reject modal submitted: collapses the draft and dismisses its opportunity. */
export function registerProposalRejectModal(app: Listeners, deps: Deps): void {
  app.view<SubmitArgs['body']>('proposal_reject_modal', async (args: SubmitArgs) => {
    const s = parseSubmission(args);
    if (!s) {
      const text = proposalCopy(deps.config.locale).unknownDraft;
      await args.ack({ response_action: 'errors', errors: { [REASON_BLOCK]: text } });
      return;
    }
    const reason = s.values[REASON_BLOCK]?.trim();
    const outcome = await rejectProposal(deps, args.client, {
      id: s.id,
      version: s.version,
      user: s.user,
      reason: reason ? reason : undefined,
    });
    // The ack carries the modal's answer; then the draft is redrawn.
    await args.ack(outcome.ack);
    await outcome.after();
  });
}
