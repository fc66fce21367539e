import type { Deps } from '../../deps.ts';
import { runExactlyOnce } from '../../scheduling/exactly-once.ts';
import type { ScheduledJob } from '../../scheduling/scheduler.ts';
import { drainWebhookEvents } from './drain-webhook-events.ts';
import { pruneStore } from './prune-store.ts';
import { reconcileExclusively } from './reconcile-exclusively.ts';
import { checkDeliverySetup, type DeliverySetup, deliverySetup } from './setup.ts';

export const RECONCILE_JOB = 'delivery-reconcile';

/**
 * How long a reconciliation slot's claim belongs to its replica. A replica
 * that dies mid-run blocks nothing: once this lapses its slot may be taken
 * over, and any later slot runs anyway. Nothing is lost either way: each
 * repo's cursor moves only once its pull requests are synced, and writes
 * compare with what Notion already shows, so the next run covers what the
 * dead one left.
 */
export const RECONCILE_LEASE_MS = 15 * 60_000;

/**
 * Reconciliation on `delivery.pollCron`, once per slot across replicas. It
 * also retries webhook events an earlier attempt could not finish.
 */
export function deliveryReconcileJob(
  deps: Deps,
  setup: DeliverySetup | undefined = deliverySetup(deps),
): ScheduledJob | undefined {
  if (!setup) return undefined;
  return {
    name: RECONCILE_JOB,
    cron: setup.delivery.pollCron,
    timezone: deps.config.timezone,
    async run(slotTime) {
      const slot = {
        job: RECONCILE_JOB,
        slot: slotTime.toISOString(),
        leaseMs: RECONCILE_LEASE_MS,
      };
      const run = await runExactlyOnce(deps, slot, async () => {
        // Fresh each run: a property renamed in Notion shows up within one poll.
        const check = await checkDeliverySetup(setup, { refresh: true });
        if (!check.ok) {
          deps.logger.error(
            { problems: check.problems },
            'reconciliation skipped: Notion schema mismatch (run /gigs sync for the fix)',
          );
          return { value: 'mismatch' as const, result: 'schema_mismatch' };
        }
        const report = await reconcileExclusively(deps, setup, check.kinds);
        // A run that started earlier (a slow slot, /gigs sync) is still going: it covers this one.
        if (!report) return { value: 'covered' as const, result: 'another_run_in_progress' };
        await drainWebhookEvents(deps, setup);
        return {
          value: 'run' as const,
          result: JSON.stringify({ checked: report.checked, updated: report.updated.length }),
        };
      });
      if (!run.ran || run.value === 'covered')
        deps.metrics.jobs.inc({ job: RECONCILE_JOB, outcome: 'skipped' });
      else if (run.value === 'run') deps.metrics.jobs.inc({ job: RECONCILE_JOB, outcome: 'run' });
    },
  };
}

export const PRUNE_JOB = 'store-prune';

/** Daily: old finished deliveries and reconciliation slots go (prune-store.ts). */
export function deliveryPruneJob(deps: Deps): ScheduledJob {
  return {
    name: PRUNE_JOB,
    cron: '41 3 * * *',
    timezone: deps.config.timezone,
    run: async () => {
      await pruneStore(deps, [RECONCILE_JOB]);
    },
  };
}
