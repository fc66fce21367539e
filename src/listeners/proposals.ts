import type { Deps } from '../deps.ts';
import type { Listeners } from '../slack/router.ts';
import { registerOpportunityDraft } from './actions/opportunity-draft.ts';
import { registerProposalApprove } from './actions/proposal-approve.ts';
import { registerProposalModalButtons } from './actions/proposal-open-modal.ts';
import { registerProposalPolish } from './actions/proposal-polish.ts';
import { registerProposalEditModal } from './views/proposal-edit-modal.ts';
import { registerProposalRejectModal } from './views/proposal-reject-modal.ts';

/** Every listener of the proposal feature: its buttons and its two modals. */
export function registerProposalListeners(app: Listeners, deps: Deps): void {
  registerOpportunityDraft(app, deps);
  registerProposalApprove(app, deps);
  registerProposalModalButtons(app, deps);
  registerProposalPolish(app, deps);
  registerProposalEditModal(app, deps);
  registerProposalRejectModal(app, deps);
}
