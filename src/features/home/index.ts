import type { Deps } from '../../deps.ts';
import type { Feature } from '../feature.ts';
import { registerAppHomeOpened } from './app-home-opened.ts';

/**
 * The App Home: new opportunities since the last visit, drafts awaiting
 * approval, each client's progress (admins only) and the integrations'
 * health, rebuilt on every visit.
 */
export function createHome(deps: Deps): Feature {
  return {
    name: 'home',
    listen: (_listeners, app) => registerAppHomeOpened(app, deps),
  };
}
