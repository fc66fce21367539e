import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.ts';
import type { HomePublisher } from './publish-home.ts';

/** The Home tab is rebuilt each time it is opened. */
export function registerAppHomeOpened(app: App, deps: Deps, home: HomePublisher): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    try {
      await home.publish(event.user);
    } catch (error) {
      deps.health.error('slack', (error as Error).message);
      deps.logger.error({ err: error, user: event.user }, 'could not publish the App Home');
    }
  });
}
