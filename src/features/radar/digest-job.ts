import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.ts';
import { runExactlyOnce } from '../../scheduling/exactly-once.ts';
import type { ScheduledJob } from '../../scheduling/scheduler.ts';
import type { RadarMemory } from './find-opportunities.ts';
import { DIGEST_LEASE_MS, postDigest } from './post-digest.ts';

/**
 * `radar.digest`: once per slot across replicas and restarts (the slot is
 * claimed in the store, as a lease); a failed run gives its slot and its items
 * back, so nothing is lost and the next slot posts them. A replica that dies
 * mid-run holds its items until DIGEST_LEASE_MS lapses; the next slot after
 * that posts them.
 */
export function digestJob(
  deps: Deps,
  slack: WebClient,
  memory?: RadarMemory,
): ScheduledJob | undefined {
  const digest = deps.config.radar.digest;
  if (!digest) return undefined;
  const log = deps.logger.child({ job: 'digest' });
  return {
    name: 'digest',
    cron: digest.cron,
    timezone: deps.config.timezone,
    async run(slotTime) {
      const slot = slotTime.toISOString();
      const run = await runExactlyOnce(
        deps,
        { job: 'digest', slot, leaseMs: DIGEST_LEASE_MS },
        async () => {
          const outcome = await postDigest(deps, slack, memory);
          return { value: outcome, result: outcome.ts ?? 'nothing new' };
        },
      );
      if (!run.ran) {
        deps.metrics.jobs.inc({ job: 'digest', outcome: 'skipped' });
        return;
      }
      deps.metrics.jobs.inc({ job: 'digest', outcome: 'run' });
      log.info({ slot, posted: run.value.posted.length }, 'digest done');
    },
  };
}
