import type { KnownBlock, ModalView } from '@slack/types';
import { clip, type ProposalRecord, SECTION_KEYS, SECTION_LIMITS } from '../../domain/proposal.ts';
import { proposalCopy } from '../../i18n/proposals.ts';

export const EDIT_MODAL = 'proposal_edit_modal';
export const REJECT_MODAL = 'proposal_reject_modal';
export const REASON_BLOCK = 'reason';
export const REASON_LIMIT = 500;

/** What a modal remembers between opening and submit. */
export const modalMetadata = (record: ProposalRecord) =>
  JSON.stringify({ id: record.id, version: record.version });

const plain = (text: string, max: number) => ({
  type: 'plain_text' as const,
  text: clip(text, max),
});

/** The draft's four parts, prefilled; block ids are the section names. */
export function renderEditModal(record: ProposalRecord): ModalView {
  const copy = proposalCopy(record.locale);
  const blocks: KnownBlock[] = SECTION_KEYS.map((key) => ({
    type: 'input',
    block_id: key,
    label: plain(copy.sectionTitles[key], 2000),
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      multiline: true,
      // Slack enforces max_length in the client; we check again on submit.
      max_length: SECTION_LIMITS[key],
      initial_value: record.sections[key],
    },
  }));
  return {
    type: 'modal',
    callback_id: EDIT_MODAL,
    private_metadata: modalMetadata(record),
    title: plain(copy.editTitle, 24),
    submit: plain(copy.save, 24),
    close: plain(copy.cancel, 24),
    blocks,
  };
}

export function renderRejectModal(record: ProposalRecord): ModalView {
  const copy = proposalCopy(record.locale);
  return {
    type: 'modal',
    callback_id: REJECT_MODAL,
    private_metadata: modalMetadata(record),
    title: plain(copy.rejectTitle, 24),
    submit: plain(copy.rejectSubmit, 24),
    close: plain(copy.cancel, 24),
    blocks: [
      {
        type: 'input',
        block_id: REASON_BLOCK,
        optional: true,
        label: plain(copy.reasonLabel, 2000),
        hint: plain(copy.reasonHint, 2000),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: REASON_LIMIT,
        },
      },
    ],
  };
}
