import type { KnownBlock, View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { mrkdwnLink } from '../../blocks/mrkdwn.ts';
import type { SlackMessage } from '../../blocks/usage.ts';
import type { Deps } from '../../deps.ts';
import type { ProposalRecord } from '../../domain/proposal.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import { type Posted, postOnce } from '../../slack/post-once.ts';
import { withDraftPosted } from '../radar/index.ts';
import { renderProposal } from './draft-blocks.ts';
import type { LlmOptions } from './llm.ts';
import { opportunityName } from './opportunity-name.ts';

/**
 * The proposals feature's one door to Slack: every message, modal and update
 * it makes goes through here; listeners and use cases decide what, this says
 * it to Slack.
 */

/** The metadata event type marking a draft's message (its id: the draft id). */
export const DRAFT_MARKER = 'gigops_draft';

/** Whether the Polish button is offered: an LLM endpoint and model are configured. */
export const canPolish = (deps: Deps) =>
  Boolean(deps.config.env.LLM_BASE_URL && deps.config.env.LLM_MODEL);

/** The LLM endpoint (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY), when one is configured. */
export function llmOptions(deps: Deps): LlmOptions | undefined {
  const { LLM_BASE_URL, LLM_MODEL, LLM_API_KEY } = deps.config.env;
  return LLM_BASE_URL && LLM_MODEL
    ? { baseUrl: LLM_BASE_URL, model: LLM_MODEL, apiKey: LLM_API_KEY }
    : undefined;
}

/** Redraws the one draft message from its stored record (and, once approved, its GitHub comment). */
export async function updateProposalMessage(
  deps: Deps,
  client: WebClient,
  record: ProposalRecord,
): Promise<void> {
  const comment =
    record.state === 'approved' ? await deps.store.proposalComments.get(record.id) : undefined;
  const message = renderProposal(record, { canPolish: canPolish(deps), comment });
  await client.chat.update({ channel: record.channel, ts: record.ts, ...message });
}

/** A private answer to one user in the draft's channel. */
export async function tellPrivately(
  client: WebClient,
  channel: string,
  user: string,
  text: string,
): Promise<void> {
  await client.chat.postEphemeral({ channel, user, text });
}

/** Posts a draft once, even when Slack answers late: the draft's id marks its message. */
export function postDraft(
  deps: Deps,
  client: WebClient,
  draft: { id: string; channel: string; threadTs: string | undefined; message: SlackMessage },
): Promise<Posted> {
  return postOnce({
    poster: deps.slackPost ?? client,
    reader: client,
    channel: draft.channel,
    threadTs: draft.threadTs,
    marker: { type: DRAFT_MARKER, id: draft.id },
    // Slack's clock, not the bot's (tests move that): a minute before this try.
    since: new Date(Date.now() - 60_000),
    message: draft.message,
  });
}

/** Says in the draft's thread, once, who approved it. */
export async function announceApproval(
  deps: Deps,
  client: WebClient,
  approved: ProposalRecord,
  user: string,
): Promise<void> {
  await postOnce({
    poster: deps.slackPost ?? client,
    reader: client,
    channel: approved.channel,
    threadTs: approved.threadTs ?? approved.ts,
    marker: { type: 'gigops_approved', id: approved.id },
    since: new Date(Date.now() - 60_000),
    message: {
      text: proposalCopy(approved.locale).announce(
        user,
        mrkdwnLink(approved.issueUrl, opportunityName(approved.opportunityId, approved.locale)),
      ),
    },
  });
}

/** Opens a modal (edit, reject, paste): a trigger_id lives 3 s, so at once. */
export async function openModal(client: WebClient, triggerId: string, view: View): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view });
}

/**
 * The listing a Draft was pressed on stops offering Draft for that entry and
 * says where the draft is. A failure is logged: the draft itself is posted.
 */
export async function markListingDrafted(
  deps: Deps,
  client: WebClient,
  listing: { channel: string; ts: string; text: string; blocks: KnownBlock[]; value: string },
  record: ProposalRecord,
): Promise<void> {
  const blocks = withDraftPosted(
    listing.blocks,
    // As the listing carries it (ids saved before sources read `owner/repo#12`).
    listing.value,
    deps.config.locale,
    record.threadTs === listing.ts ? 'thread' : { channel: record.channel },
  );
  if (!blocks) return;
  await client.chat
    .update({ channel: listing.channel, ts: listing.ts, text: listing.text, blocks })
    .catch((error: unknown) =>
      deps.logger.warn({ err: error }, 'could not mark the listing as drafted'),
    );
}
