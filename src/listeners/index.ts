import type { App } from '@slack/bolt';
import type { Deps } from '../deps.ts';
import { deliverySetup } from '../services/check-delivery-setup.ts';
import { type GigsHandlers, registerGigsCommand } from './commands/gigs.ts';
import { syncHandler } from './commands/sync.ts';

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
  const delivery = deliverySetup(deps);
  if (delivery) handlers.sync = syncHandler(delivery);
  registerGigsCommand(app, deps, handlers);
}
