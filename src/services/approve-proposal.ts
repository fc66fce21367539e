import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.ts';
import { proposalCopy } from '../i18n/proposals.ts';
import { decisionBlocker } from './decision-blocker.ts';
import { tellPrivately, updateProposalMessage } from './proposal-message.ts';

/**
 * Approve: of any number of concurrent presses, the one whose conditional
 * update wins redraws the message and announces once; every other press is
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
    await tellPrivately(client, record?.channel ?? input.channel, input.user, blocker ?? '');
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
  await client.chat.postMessage({
    channel: approved.channel,
    thread_ts: approved.threadTs ?? approved.ts,
    text: proposalCopy(approved.locale).announce(
      input.user,
      `<${approved.issueUrl}|${approved.opportunityId}>`,
    ),
  });
  deps.logger.info({ id: approved.id, by: input.user }, 'proposal approved');
  return 'approved';
}
