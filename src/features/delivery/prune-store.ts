import type { Deps } from '../../deps.ts';

/**
 * How long finished webhook deliveries and frequent jobs' slots are kept.
 * A delivery's record is what makes a redelivery a duplicate: GitHub lets a
 * delivery be redelivered for 3 days (7 on Enterprise Server), so two weeks
 * keeps every one that can come back.
 */
export const RETENTION_MS = 14 * 24 * 60 * 60_000;

export interface PruneReport {
  webhookEvents: number;
  slots: number;
}

/**
 * Forgets what no longer matters, so the store does not grow with every
 * delivery and poll: finished webhook deliveries and the completed slots of
 * `jobs` (those that run many times a day), older than RETENTION_MS. Pending
 * deliveries, unfinished slots, daily and weekly slots (the digest's, each
 * client's snapshot weeks) stay. Idempotent: every replica may run it.
 */
export async function pruneStore(
  deps: Pick<Deps, 'store' | 'logger' | 'now'>,
  jobs: readonly string[],
): Promise<PruneReport> {
  const before = new Date(deps.now().getTime() - RETENTION_MS);
  const webhookEvents = await deps.store.delivery.pruneWebhookEvents(before);
  let slots = 0;
  for (const job of jobs) slots += await deps.store.jobs.pruneSlots(job, before);
  if (webhookEvents + slots > 0) deps.logger.info({ webhookEvents, slots, before }, 'store pruned');
  return { webhookEvents, slots };
}
