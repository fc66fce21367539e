import type { Deps } from '../deps.ts';
import { deliveryReconcileJob } from './delivery.ts';
import type { Scheduler } from './scheduler.ts';

/** Every scheduled job; each feature adds its own here. */
export function registerJobs(scheduler: Scheduler, deps: Deps): void {
  const reconcile = deliveryReconcileJob(deps);
  if (reconcile) scheduler.add(reconcile);
}
