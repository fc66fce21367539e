import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import { keepPost } from '../../sources/post/index.ts';
import { draftProposal } from './draft-proposal.ts';
import { type PasteMetadata, renderPasteModal } from './paste-modal-blocks.ts';
import { openModal, tellPrivately } from './presenter.ts';
import { type PasteProblem, validatePaste } from './validate-paste.ts';

/** Opens the paste modal at once (a trigger_id lives 3 s), the URL prefilled when given. */
export async function openPasteModal(
  deps: Deps,
  client: WebClient,
  input: { triggerId: string; channel: string; url: string | undefined },
): Promise<void> {
  const meta: PasteMetadata = { channel: input.channel };
  await openModal(client, input.triggerId, renderPasteModal(deps.config.locale, meta, input.url));
}

/** What the modal's ack answers: field errors (it stays open), or nothing (it closes). */
export type PasteAck = { response_action: 'errors'; errors: Record<string, string> } | undefined;

/**
 * The paste modal submitted: a post that is empty, over 20,000 characters,
 * only a link, or with a URL that is not one gets its error next to the field
 * and nothing else happens. Otherwise the modal closes, the post is kept as
 * an opportunity of the `post` source, and it is drafted like an issue.
 */
export function submitPastedPost(
  deps: Deps,
  client: WebClient,
  input: {
    user: string;
    metadata: string | undefined;
    text: string | null | undefined;
    url: string | null | undefined;
  },
): { ack: PasteAck; after: () => Promise<void> } {
  const copy = proposalCopy(deps.config.locale);
  const meta = parseMetadata(input.metadata);
  const checked = validatePaste(input.text, input.url);
  if (!meta || !checked.ok) {
    const errors: Record<string, string> = {};
    if (!meta) errors.job = copy.pasteExpired;
    else if (!checked.ok) for (const p of checked.problems) errors[p.field] = problemText(copy, p);
    return { ack: { response_action: 'errors', errors }, after: async () => {} };
  }
  return {
    ack: undefined,
    after: async () => {
      const id = await keepPost(deps, checked.post, deps.now());
      const outcome = await draftProposal(deps, client, {
        id,
        requestedBy: input.user,
        channel: meta.channel,
        threadTs: undefined,
      });
      const text = outcome.kind === 'problem' ? outcome.text : outcome.tell;
      if (text) await tellPrivately(client, meta.channel, input.user, text);
    },
  };
}

function problemText(copy: ReturnType<typeof proposalCopy>, p: PasteProblem): string {
  switch (p.kind) {
    case 'empty':
      return copy.pasteEmpty;
    case 'only-url':
      return copy.pasteOnlyUrl;
    case 'too-long':
      return copy.pasteTooLong(p.length);
    case 'bad-url':
      return copy.pasteBadUrl;
  }
}

function parseMetadata(raw: string | undefined): PasteMetadata | undefined {
  try {
    const meta = JSON.parse(raw || '{}') as { channel?: unknown };
    return typeof meta.channel === 'string' && /^[CDG][A-Z0-9]{2,}$/.test(meta.channel)
      ? { channel: meta.channel }
      : undefined;
  } catch {
    return undefined;
  }
}
