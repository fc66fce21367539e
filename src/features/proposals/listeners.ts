import type { Deps } from '../../deps.ts';
import type { Listeners } from '../../slack/listeners.ts';
import { registerProposalApprove } from './approve-button.ts';
import { registerProposalComment } from './comment-button.ts';
import { registerOpportunityDraft } from './draft-button.ts';
import { registerProposalEditModal } from './edit-modal.ts';
import { registerProposalModalButtons } from './open-modal-button.ts';
import { registerProposalPasteModal } from './paste-modal.ts';
import { registerProposalPolish } from './polish-button.ts';
import { registerProposalRejectModal } from './reject-modal.ts';

/** Every listener of the proposal feature: its buttons and its modals. */
export function registerProposalListeners(app: Listeners, deps: Deps): void {
  registerOpportunityDraft(app, deps);
  registerProposalApprove(app, deps);
  registerProposalComment(app, deps);
  registerProposalModalButtons(app, deps);
  registerProposalPolish(app, deps);
  registerProposalEditModal(app, deps);
  registerProposalRejectModal(app, deps);
  registerProposalPasteModal(app, deps);
}
