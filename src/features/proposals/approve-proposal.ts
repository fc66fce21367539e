import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.ts';
import type { ProposalRecord } from '../../domain/proposal.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import { canDecide } from './can-decide.ts';
import { decisionBlocker } from './decision-blocker.ts';
import { announceApproval, tellPrivately, updateProposalMessage } from './presenter.ts';

/**
 * A press on a draft approved longer ago than this comes from a message left
 * in its draft form (the bot died, or chat.update failed, between storing the
 * approval and redrawing): that press redraws it. Sooner, it is one of the
 * concurrent presses, and the winner is redrawing.
 */
export const STALE_DRAFT_MS = 60_000;

/**
 * Approve: of any number of concurrent presses, the one whose conditional
 * update wins redraws the message and announces once. A decider's press on a
 * draft already approved adds no message (the draft reads "Approved by …",
 * and the contract allows one message saying so); any other refused press is
 * told privately why nothing changed.
 */
export async function approveProposal(
  deps: Deps,
  client: WebClient,
  input: { id: string; user: string; channel: string },
): Promise<'approved' | 'refused'> {
  const record = await deps.store.proposals.get(input.id);
  const blocker = decisionBlocker(deps, record, input.user);
  if (blocker || !record) {
    if (record && alreadyApproved(deps, record, input.user))
      await redrawIfStale(deps, client, record);
    else await tellPrivately(client, record?.channel ?? input.channel, input.user, blocker ?? '');
    return 'refused';
  }
  const approved = await deps.store.proposals.approve(
    record.id,
    record.version,
    input.user,
    deps.now(),
  );
  if (!approved) {
    // Lost the race (or the draft was edited meanwhile): say what it is now.
    const now = await deps.store.proposals.get(record.id);
    if (alreadyApproved(deps, now, input.user)) return 'refused';
    const copy = proposalCopy(record.locale);
    await tellPrivately(
      client,
      record.channel,
      input.user,
      decisionBlocker(deps, now, input.user) ?? copy.changedMeanwhile,
    );
    return 'refused';
  }
  await updateProposalMessage(deps, client, approved);
  // Announced once, even when Slack answers late (postOnce).
  await announceApproval(deps, client, approved, input.user);
  deps.logger.info({ id: approved.id, by: input.user }, 'proposal approved');
  return 'approved';
}

function alreadyApproved(deps: Deps, record: ProposalRecord | undefined, user: string): boolean {
  return (
    record?.state === 'approved' &&
    canDecide(deps.config.proposals.approvers, record.requestedBy, user)
  );
}

async function redrawIfStale(deps: Deps, client: WebClient, record: ProposalRecord) {
  if (deps.now().getTime() - (record.decidedAt?.getTime() ?? 0) <= STALE_DRAFT_MS) return;
  deps.logger.info({ id: record.id }, 'redrawing an approved draft whose message was left stale');
  await updateProposalMessage(deps, client, record);
}
