import type { Deps } from '../../deps.ts';
import type { DeliveryKey } from '../../store/report-store.ts';

/** The first retry's wait; each next one doubles (5, 10, 20… minutes). */
export const RETRY_MS = 5 * 60_000;

/**
 * Whether a delivery (the e-mail, the PDF in Slack) should be tried now:
 * never tried, failed and due, or claimed by a replica that died.
 */
export async function deliveryDue(
  deps: Pick<Deps, 'store' | 'now'>,
  key: DeliveryKey,
  leaseMs: number,
): Promise<boolean> {
  const record = await deps.store.reports.delivery(key);
  const now = deps.now().getTime();
  if (!record) return true;
  if (record.state === 'failed') return (record.nextAt?.getTime() ?? Infinity) <= now;
  if (record.state === 'sending') return (record.claimedAt?.getTime() ?? 0) < now - leaseMs;
  return false;
}

/**
 * Records this replica's failed try: the next one 5, 10, 20… minutes later,
 * or none (given up) when that falls past the week's grace window.
 */
export async function failDelivery(
  deps: Pick<Deps, 'store' | 'now' | 'instanceId'>,
  key: DeliveryKey,
  reason: string,
  graceEnd: Date,
): Promise<{ attempts: number; nextAt: Date | undefined }> {
  const attempts = (await deps.store.reports.delivery(key))?.attempts ?? 1;
  const next = new Date(deps.now().getTime() + RETRY_MS * 2 ** (attempts - 1));
  const nextAt = next.getTime() <= graceEnd.getTime() ? next : undefined;
  await deps.store.reports.failDelivery(key, deps.instanceId, reason, nextAt);
  return { attempts, nextAt };
}
