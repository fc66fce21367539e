import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.ts';
import type { ProposalRecord } from '../../domain/proposal.ts';
import { renderProposal } from './draft-blocks.ts';

/** Whether the Polish button is offered: an LLM endpoint and model are configured. */
export const canPolish = (deps: Deps) =>
  Boolean(deps.config.env.LLM_BASE_URL && deps.config.env.LLM_MODEL);

/** Redraws the one draft message from its stored record. */
export async function updateProposalMessage(
  deps: Deps,
  client: WebClient,
  record: ProposalRecord,
): Promise<void> {
  const message = renderProposal(record, { canPolish: canPolish(deps) });
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
