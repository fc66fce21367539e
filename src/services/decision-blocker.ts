import type { Deps } from '../deps.ts';
import { canDecide, canEdit, decidersOf } from '../domain/can-decide.ts';
import type { ProposalRecord } from '../domain/proposal.ts';
import { proposalCopy } from '../i18n/proposals.ts';

export const when = (d: Date | undefined) =>
  d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '?';

/** Why a decision on a draft cannot happen, as the private line to show; undefined when it can. */
export function decisionBlocker(
  deps: Deps,
  record: ProposalRecord | undefined,
  user: string,
): string | undefined {
  const copy = proposalCopy(record?.locale ?? deps.config.locale);
  if (!record) return copy.unknownDraft;
  if (!canDecide(deps.config.proposals.approvers, record.requestedBy, user))
    return copy.onlyApprovers(decidersOf(deps.config.proposals.approvers, record.requestedBy));
  if (record.state === 'approved')
    return copy.alreadyApproved(record.decidedBy ?? '?', when(record.decidedAt));
  if (record.state === 'rejected')
    return copy.alreadyRejected(record.decidedBy ?? '?', when(record.decidedAt));
  return undefined;
}

/** Why an edit or polish cannot happen, as the private line to show; undefined when it can. */
export function editBlocker(
  deps: Deps,
  record: ProposalRecord | undefined,
  user: string,
): string | undefined {
  if (record && canEdit(deps.config.proposals.approvers, record.requestedBy, user))
    return decisionBlocker(
      deps,
      record,
      decidersOf(deps.config.proposals.approvers, record.requestedBy)[0]!,
    );
  return decisionBlocker(deps, record, user);
}
