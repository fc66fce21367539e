import type { Deps } from '../../deps.ts';
import type { DeliveryPropertyKinds } from '../../domain/delivery-schema.ts';
import { runExactlyOnce } from '../../scheduling/exactly-once.ts';
import { type ReconcileReport, reconcileDeliveries } from './reconcile-deliveries.ts';
import type { DeliverySetup } from './setup.ts';

/** The store slot every reconciliation holds while it runs, whatever started it. */
export const RECONCILE_RUNNING = { job: 'delivery-reconcile:running', slot: 'lock' } as const;
/** A replica that died mid-run gives the lock up after this long. */
export const RECONCILE_RUN_LEASE_MS = 15 * 60_000;

/**
 * One reconciliation at a time across replicas: a scheduled run that outlasts
 * the poll interval, the next slot and a `/gigs sync` would otherwise read the
 * same changes and write them to Notion twice. Undefined when another run
 * holds the lock (it covers the same changes).
 */
export async function reconcileExclusively(
  deps: Pick<Deps, 'store' | 'logger' | 'now' | 'github' | 'instanceId'>,
  setup: DeliverySetup,
  kinds: DeliveryPropertyKinds,
): Promise<ReconcileReport | undefined> {
  const run = await runExactlyOnce(
    deps,
    { ...RECONCILE_RUNNING, leaseMs: RECONCILE_RUN_LEASE_MS, mode: 'lock' },
    async () => ({ value: await reconcileDeliveries(deps, setup, kinds) }),
  );
  return run.ran ? run.value : undefined;
}
