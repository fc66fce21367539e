import type { App } from '@slack/bolt';
import type { Deps } from '../deps.ts';
import { type GigsHandlers, registerGigsCommand } from './commands/gigs.ts';
import { proposeHandler } from './commands/propose.ts';
import { registerProposalListeners } from './proposals.ts';

/** Wires every listener; each feature adds its handlers here and nowhere else. */
export function registerListeners(app: App, deps: Deps): void {
  // Keep every listener's work in the drain set, so SIGTERM finishes it first.
  app.use(async ({ next }) => {
    await deps.lifecycle.track(next());
  });
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled listener error');
  });

  const handlers: GigsHandlers = { propose: proposeHandler };
  registerGigsCommand(app, deps, handlers);
  registerProposalListeners(app, deps);
}
