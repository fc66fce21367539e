import type { Deps } from '../../deps.ts';
import type { Feature } from '../feature.ts';
import { registerProposalListeners } from './listeners.ts';
import { proposeHandler } from './propose-command.ts';

/**
 * Proposal drafts: **Draft proposal** and `/gigs propose` turn an issue into
 * a draft backed by the freelancer's merged work; approvers approve, edit,
 * polish or reject it with buttons and modals. Its presenter (presenter.ts,
 * draft-blocks.ts, modal-blocks.ts) is what renders and posts its messages.
 */
export function createProposals(deps: Deps): Feature {
  return {
    name: 'proposals',
    subcommands: { propose: proposeHandler },
    listen: (listeners) => registerProposalListeners(listeners, deps),
  };
}
