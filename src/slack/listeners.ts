import type { App } from '@slack/bolt';

/** What feature listeners register on: Bolt's own `action` and `view`. */
export type Listeners = Pick<App, 'action' | 'view'>;
