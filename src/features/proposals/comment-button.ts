import type { Deps } from '../../deps.ts';
import type { Listeners } from '../../slack/listeners.ts';
import { type ButtonArgs, parsePress } from './button-press.ts';
import { commentOnGitHub } from './comment-on-github.ts';

/** **Comment on GitHub** on an approved, GitHub-sourced draft: value = draft id. */
export function registerProposalComment(app: Listeners, deps: Deps): void {
  app.action<ButtonArgs['body']>('proposal_comment', async (args: ButtonArgs) => {
    const press = parsePress(args);
    const { client } = args;
    await args.ack();
    await commentOnGitHub(deps, client, {
      id: press.value,
      user: press.user,
      channel: press.channel,
    });
  });
}
