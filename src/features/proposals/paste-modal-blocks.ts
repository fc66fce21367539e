import type { ModalView } from '@slack/types';
import { clip } from '../../domain/proposal.ts';
import type { Locale } from '../../i18n/locale.ts';
import { proposalCopy } from '../../i18n/proposals.ts';

/** The paste modal (PRODUCT.md): block `job` / action `text`, block `url` / action `url`. */
export const PASTE_MODAL = 'proposal_paste_modal';
export const PASTE_BLOCKS = { job: 'job', url: 'url' } as const;
export const PASTE_ACTIONS = { text: 'text', url: 'url' } as const;

const plain = (text: string, max: number) => ({
  type: 'plain_text' as const,
  text: clip(text, max),
});

/** What the modal remembers between opening and submit: where `/gigs propose` was typed. */
export interface PasteMetadata {
  channel: string;
}

/** A job post's text (required) and its URL (optional, prefilled when typed after the command). */
export function renderPasteModal(
  locale: Locale,
  meta: PasteMetadata,
  url: string | undefined,
): ModalView {
  const copy = proposalCopy(locale);
  return {
    type: 'modal',
    callback_id: PASTE_MODAL,
    private_metadata: JSON.stringify(meta),
    title: plain(copy.pasteTitle, 24),
    submit: plain(copy.pasteSubmit, 24),
    close: plain(copy.cancel, 24),
    blocks: [
      {
        type: 'input',
        block_id: PASTE_BLOCKS.job,
        label: plain(copy.pasteJobLabel, 2000),
        hint: plain(copy.pasteJobHint, 2000),
        element: {
          type: 'plain_text_input',
          action_id: PASTE_ACTIONS.text,
          multiline: true,
          focus_on_load: true,
          placeholder: plain(copy.pasteJobPlaceholder, 150),
        },
      },
      {
        type: 'input',
        block_id: PASTE_BLOCKS.url,
        optional: true,
        label: plain(copy.pasteUrlLabel, 2000),
        hint: plain(copy.pasteUrlHint, 2000),
        element: {
          type: 'plain_text_input',
          action_id: PASTE_ACTIONS.url,
          ...(url ? { initial_value: clip(url, 2000) } : {}),
        },
      },
    ],
  };
}
