import type { Feature } from '../features/feature.ts';
import type { Scheduler } from './scheduler.ts';

/** Every scheduled job: each feature's own. */
export function registerJobs(scheduler: Scheduler, features: readonly Feature[]): void {
  for (const feature of features) for (const job of feature.jobs ?? []) scheduler.add(job);
}
