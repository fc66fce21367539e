import type { Deps } from '../deps.ts';
import type { Scheduler } from './scheduler.ts';

/** Every scheduled job; each feature adds its own here. */
export function registerJobs(_scheduler: Scheduler, _deps: Deps): void {}
