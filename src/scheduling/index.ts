import type { Deps } from '../deps.ts';
import type { Feature } from '../features/feature.ts';
import { digestJob } from './digest.ts';
import type { Scheduler } from './scheduler.ts';

/** Every scheduled job: the features' own, and those not yet in a feature folder. */
export function registerJobs(
  scheduler: Scheduler,
  deps: Deps,
  features: readonly Feature[] = [],
): void {
  // Posts go through the client that never retries by itself (postOnce decides).
  const digest = digestJob(deps, deps.slackPost ?? deps.slack);
  if (digest) scheduler.add(digest);
  for (const feature of features) for (const job of feature.jobs ?? []) scheduler.add(job);
}
