import type { Deps } from '../../deps.ts';
import type { ProposalRecord } from '../../domain/proposal.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import { canDecide, canEdit, decidersOf } from './can-decide.ts';

export const when = (d: Date | undefined) =>
  d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '?';

/**
 * Why a press on a draft cannot go ahead, as the private line to show;
 * undefined when it can. Approve and Reject need a decider; Edit and Polish
 * also accept whoever asked for the draft. Only open drafts change.
 */
export function decisionBlocker(
  deps: Deps,
  record: ProposalRecord | undefined,
  user: string,
  action: 'decide' | 'edit' = 'decide',
): string | undefined {
  const copy = proposalCopy(record?.locale ?? deps.config.locale);
  if (!record) return copy.unknownDraft;
  const { approvers } = deps.config.proposals;
  const allowed =
    action === 'edit'
      ? canEdit(approvers, record.requestedBy, user)
      : canDecide(approvers, record.requestedBy, user);
  if (!allowed) {
    if (action === 'decide') return copy.onlyApprovers(decidersOf(approvers, record.requestedBy));
    const editors = new Set([record.requestedBy, ...decidersOf(approvers, record.requestedBy)]);
    return copy.onlyEditors([...editors]);
  }
  if (record.state === 'approved')
    return copy.alreadyApproved(record.decidedBy ?? '?', when(record.decidedAt));
  if (record.state === 'rejected')
    return copy.alreadyRejected(record.decidedBy ?? '?', when(record.decidedAt));
  return undefined;
}
