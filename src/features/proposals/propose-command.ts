import { opportunityId } from '../../domain/opportunity.ts';
import type { SubcommandHandler } from '../../listeners/commands/gigs.ts';
import { GITHUB_SOURCE } from '../../sources/github/index.ts';
import { draftProposal } from './draft-proposal.ts';
import { openPasteModal } from './paste-post.ts';

/**
 * `/gigs propose <issue url>`: a draft in `proposals.channel`, else in the
 * asking channel. With no argument, or a job URL that is not GitHub's, the
 * paste modal opens (first: its trigger_id lives 3 s).
 */
export const proposeHandler: SubcommandHandler<'propose'> = async (command, args, deps) => {
  if ('post' in command) {
    await openPasteModal(deps, args.client, {
      triggerId: args.command.trigger_id,
      channel: args.command.channel_id,
      url: command.post.url,
    });
    return;
  }
  const outcome = await draftProposal(deps, args.client, {
    id: opportunityId(GITHUB_SOURCE, `${command.owner}/${command.repo}#${command.number}`),
    requestedBy: args.command.user_id,
    channel: args.command.channel_id,
    threadTs: undefined,
  });
  const text = outcome.kind === 'problem' ? outcome.text : outcome.tell;
  if (text) await args.respond({ response_type: 'ephemeral', text });
};
