import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.ts';
import { digestJob } from './digest.ts';
import type { Scheduler } from './scheduler.ts';

/** Every scheduled job; each feature adds its own here. */
export function registerJobs(scheduler: Scheduler, deps: Deps, slack?: WebClient): void {
  const digest = slack ? digestJob(deps, slack) : undefined;
  if (digest) scheduler.add(digest);
}
