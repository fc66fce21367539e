import type { Deps } from '../../deps.ts';
import type { Feature } from '../feature.ts';
import { digestJob } from './digest-job.ts';
import { registerOpportunityDismiss } from './dismiss-button.ts';
import { newRadarMemory } from './find-opportunities.ts';
import { registerOpportunityMore } from './more-button.ts';
import { listOpportunities } from './post-list.ts';

// The terminal radar (cli-gigs.ts) and start-up read these.
export { checkGitHubToken } from './check-github-token.ts';
export { rankOpportunities } from './find-opportunities.ts';
export { opportunityFacts, withDraftPosted } from './opportunity-blocks.ts';
export { describeRadarProblem } from './radar-problem.ts';

/**
 * The opportunity radar: `/gigs` (with filters, More and Dismiss) and the
 * scheduled digest of opportunities never posted before, ranked from the
 * GitHub issue search with the reasons shown.
 */
export function createRadar(deps: Deps): Feature {
  // What the radar already wrote to the store, per source list: a warm /gigs writes nothing.
  const memory = newRadarMemory();
  // Posts go through the client that never retries by itself (postOnce decides).
  const digest = digestJob(deps, deps.slackPost ?? deps.slack, memory);
  return {
    name: 'radar',
    subcommands: { list: listOpportunities(memory) },
    listen: (listeners) => {
      registerOpportunityDismiss(listeners, deps);
      registerOpportunityMore(listeners, deps, memory);
    },
    jobs: digest ? [digest] : [],
  };
}
