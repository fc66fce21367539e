import type { Deps } from '../deps.ts';
import { checkDeliverySetup, deliverySetup } from '../services/check-delivery-setup.ts';
import { drainWebhookEvents } from '../services/drain-webhook-events.ts';
import { reconcileExclusively } from '../services/reconcile-exclusively.ts';
import type { ScheduledJob } from './scheduler.ts';

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
export function deliveryReconcileJob(deps: Deps): ScheduledJob | undefined {
  const setup = deliverySetup(deps);
  if (!setup) return undefined;
  return {
    name: RECONCILE_JOB,
    cron: setup.delivery.pollCron,
    timezone: deps.config.timezone,
    async run(slotTime) {
      const slot = slotTime.toISOString();
      const { jobs } = deps.store;
      if (
        !(await jobs.claimSlot(
          RECONCILE_JOB,
          slot,
          deps.instanceId,
          deps.now(),
          RECONCILE_LEASE_MS,
        ))
      ) {
        deps.metrics.jobs.inc({ job: RECONCILE_JOB, outcome: 'skipped' });
        return;
      }
      try {
        // Fresh each run: a property renamed in Notion shows up within one poll.
        const check = await checkDeliverySetup(setup, { refresh: true });
        if (!check.ok) {
          deps.logger.error(
            { problems: check.problems },
            'reconciliation skipped: Notion schema mismatch (run /gigs sync for the fix)',
          );
          await jobs.completeSlot(RECONCILE_JOB, slot, 'schema_mismatch', deps.now());
          return;
        }
        const report = await reconcileExclusively(deps, setup, check.kinds);
        if (!report) {
          // A run that started earlier (a slow slot, /gigs sync) is still going: it covers this one.
          await jobs.completeSlot(RECONCILE_JOB, slot, 'another_run_in_progress', deps.now());
          deps.metrics.jobs.inc({ job: RECONCILE_JOB, outcome: 'skipped' });
          return;
        }
        await jobs.completeSlot(
          RECONCILE_JOB,
          slot,
          JSON.stringify({ checked: report.checked, updated: report.updated.length }),
          deps.now(),
        );
        deps.metrics.jobs.inc({ job: RECONCILE_JOB, outcome: 'run' });
        await drainWebhookEvents(deps, setup);
      } catch (error) {
        await jobs.releaseSlot(RECONCILE_JOB, slot, deps.instanceId);
        throw error;
      }
    },
  };
}
