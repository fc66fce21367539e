import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import { decisionBlocker } from './decision-blocker.ts';
import { REASON_BLOCK } from './modal-blocks.ts';
import { updateProposalMessage } from './presenter.ts';
import type { ModalOutcome } from './save-proposal-edit.ts';

/**
 * Reject modal submitted: the conditional update decides; the winner collapses
 * the message to one line and dismisses the opportunity.
 */
export async function rejectProposal(
  deps: Deps,
  client: WebClient,
  input: { id: string; version: number; user: string; reason: string | undefined },
): Promise<ModalOutcome> {
  const record = await deps.store.proposals.get(input.id);
  const blocker = decisionBlocker(deps, record, input.user);
  if (blocker || !record || record.version !== input.version) {
    const text = blocker ?? proposalCopy(record?.locale ?? deps.config.locale).stale;
    return { ack: { response_action: 'errors', errors: { [REASON_BLOCK]: text } }, after: noop };
  }
  const rejected = await deps.store.proposals.reject(
    record.id,
    record.version,
    input.user,
    input.reason,
    deps.now(),
  );
  if (!rejected) {
    const text = proposalCopy(record.locale).stale;
    return { ack: { response_action: 'errors', errors: { [REASON_BLOCK]: text } }, after: noop };
  }
  return {
    ack: undefined,
    after: async () => {
      deps.logger.info({ id: rejected.id, by: input.user }, 'proposal rejected');
      await updateProposalMessage(deps, client, rejected);
      await deps.store.opportunities
        .dismiss(rejected.opportunityId, deps.now())
        .catch((e: unknown) =>
          deps.logger.error(
            { err: e, opportunityId: rejected.opportunityId },
            'could not dismiss the opportunity of a rejected draft',
          ),
        );
    },
  };
}

const noop = async () => {};
