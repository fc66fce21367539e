import type { ViewResponseAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.ts';
import type { ProposalSections } from '../../domain/proposal.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import { decisionBlocker } from './decision-blocker.ts';
import { flagSimilarProposal } from './flag-similar-proposal.ts';
import { updateProposalMessage } from './presenter.ts';
import { validateProposalEdit } from './validate-edit.ts';

/** A modal submission's answer (`ack`) and the work to do once Slack has it. */
export interface ModalOutcome {
  ack: ViewResponseAction | undefined;
  after: () => Promise<void>;
}

/**
 * Edit modal submitted: validates (field errors go back into the modal),
 * saves on the version the modal was opened with, then redraws the draft.
 */
export async function saveProposalEdit(
  deps: Deps,
  client: WebClient,
  input: {
    id: string;
    version: number;
    user: string;
    values: Record<keyof ProposalSections, string | undefined>;
  },
): Promise<ModalOutcome> {
  const record = await deps.store.proposals.get(input.id);
  const copy = proposalCopy(record?.locale ?? deps.config.locale);
  const blocker = decisionBlocker(deps, record, input.user, 'edit');
  if (blocker)
    return { ack: { response_action: 'errors', errors: { problem: blocker } }, after: noop };
  const checked = validateProposalEdit(input.values);
  if (!checked.ok) {
    const errors: Record<string, string> = {};
    for (const [key, p] of Object.entries(checked.problems)) {
      errors[key] = p.kind === 'required' ? copy.required : copy.tooLong(p.max, p.length);
    }
    return { ack: { response_action: 'errors', errors }, after: noop };
  }
  const similar = record
    ? await flagSimilarProposal(deps.store.proposals, checked.sections, record.id)
    : undefined;
  const saved = record
    ? await deps.store.proposals.updateSections(
        record.id,
        input.version,
        checked.sections,
        similar,
        deps.now(),
      )
    : undefined;
  if (!saved) {
    return { ack: { response_action: 'errors', errors: { problem: copy.stale } }, after: noop };
  }
  return {
    ack: undefined,
    after: async () => {
      deps.logger.info({ id: saved.id, by: input.user, version: saved.version }, 'proposal edited');
      await updateProposalMessage(deps, client, saved);
    },
  };
}

const noop = async () => {};
