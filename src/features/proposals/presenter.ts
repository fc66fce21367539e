import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.ts';
import type { ProposalRecord } from '../../domain/proposal.ts';
import { renderProposal } from './draft-blocks.ts';
import type { LlmOptions } from './llm.ts';

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
