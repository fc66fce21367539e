import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.ts';
import { decisionBlocker } from './decision-blocker.ts';
import { renderEditModal, renderRejectModal } from './modal-blocks.ts';
import { openModal, tellPrivately } from './presenter.ts';

/**
 * Edit or Reject pressed: checks the press may go ahead and opens the modal
 * at once (the trigger_id lives 3 s). Rejecting needs an approver; editing is
 * open to approvers and to whoever asked for the draft.
 */
export async function startProposalModal(
  deps: Deps,
  client: WebClient,
  input: { kind: 'edit' | 'reject'; id: string; user: string; channel: string; triggerId: string },
): Promise<boolean> {
  const record = await deps.store.proposals.get(input.id);
  const blocker = decisionBlocker(
    deps,
    record,
    input.user,
    input.kind === 'edit' ? 'edit' : 'decide',
  );
  if (blocker || !record) {
    await tellPrivately(client, record?.channel ?? input.channel, input.user, blocker ?? '');
    return false;
  }
  await openModal(
    client,
    input.triggerId,
    input.kind === 'edit' ? renderEditModal(record) : renderRejectModal(record),
  );
  return true;
}
