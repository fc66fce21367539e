import type { App } from '@slack/bolt';
import type { Deps } from '../deps.ts';
import { registerOpportunityDismiss } from './actions/opportunity-dismiss.ts';
import { registerOpportunityDraft } from './actions/opportunity-draft.ts';
import { registerOpportunityMore } from './actions/opportunity-more.ts';
import { type GigsHandlers, registerGigsCommand } from './commands/gigs.ts';
import { listOpportunities } from './commands/list-opportunities.ts';

/** Wires every listener; each feature adds its handlers here and nowhere else. */
export function registerListeners(app: App, deps: Deps): void {
  // Keep every listener's work in the drain set, so SIGTERM finishes it first.
  app.use(async ({ next }) => {
    await deps.lifecycle.track(next());
  });
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled listener error');
  });

  const handlers: GigsHandlers = {};
  handlers.list = listOpportunities;
  registerGigsCommand(app, deps, handlers);
  registerOpportunityDraft(app, deps);
  registerOpportunityDismiss(app, deps);
  registerOpportunityMore(app, deps);
}
