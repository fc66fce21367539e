import type { Deps } from '../deps.ts';
import { checkDeliverySetup, deliverySetup } from '../services/check-delivery-setup.ts';
import { drainWebhookEvents } from '../services/drain-webhook-events.ts';
import { reconcileDeliveries } from '../services/reconcile-deliveries.ts';
import type { ScheduledJob } from './scheduler.ts';

export const RECONCILE_JOB = 'delivery-reconcile';

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
      if (!(await deps.store.jobs.claimSlot(RECONCILE_JOB, slot, deps.instanceId, deps.now())))
        return;
      try {
        // Fresh each run: a property renamed in Notion shows up within one poll.
        const check = await checkDeliverySetup(setup, { refresh: true });
        if (!check.ok) {
          deps.logger.error(
            { problems: check.problems },
            'reconciliation skipped: Notion schema mismatch (run /gigs sync for the fix)',
          );
          await deps.store.jobs.completeSlot(RECONCILE_JOB, slot, 'schema_mismatch', deps.now());
          return;
        }
        const report = await reconcileDeliveries(deps, setup, check.kinds);
        await deps.store.jobs.completeSlot(
          RECONCILE_JOB,
          slot,
          JSON.stringify({ checked: report.checked, updated: report.updated.length }),
          deps.now(),
        );
        await drainWebhookEvents(deps, setup);
      } catch (error) {
        await deps.store.jobs.releaseSlot(RECONCILE_JOB, slot, deps.instanceId);
        throw error;
      }
    },
  };
}
