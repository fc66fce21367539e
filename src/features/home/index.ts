import type { Deps } from '../../deps.ts';
import type { Feature } from '../feature.ts';
import { registerAppHomeOpened } from './app-home-opened.ts';
import { type HomeSection, homePublisher } from './publish-home.ts';

export type { HomeSection } from './publish-home.ts';

/**
 * The App Home: new opportunities since the last visit, drafts awaiting
 * approval, the sections other features give it (`sections`: leads), each
 * client's progress (admins only) and the integrations' health, rebuilt on
 * every visit.
 */
export function createHome(deps: Deps, sections: readonly HomeSection[] = []): Feature {
  // Built once: it keeps each client's figures for a minute, shared by every visit.
  const home = homePublisher(deps, sections);
  return {
    name: 'home',
    listen: (_listeners, app) => registerAppHomeOpened(app, deps, home),
  };
}
