import type { Deps } from '../../deps.ts';
import { deliveryCopy } from '../../i18n/delivery.ts';
import { drainWebhookEvents } from './drain-webhook-events.ts';
import { checkDeliverySetup, type DeliverySetup, deliverySetup } from './setup.ts';

/**
 * At start-up: check the Notion schema once (a mismatch is logged with its
 * fix) and replay webhook deliveries that were recorded but not finished,
 * e.g. because the process died between answering GitHub and writing Notion.
 */
export async function resumeDeliverySync(
  deps: Deps,
  setup: DeliverySetup | undefined = deliverySetup(deps),
): Promise<void> {
  if (!setup) return;
  const check = await checkDeliverySetup(setup).catch((error: unknown) => {
    deps.logger.error({ err: error }, 'could not read the Notion delivery data source at start-up');
    return undefined;
  });
  if (check && !check.ok) {
    const copy = deliveryCopy(deps.config.locale);
    for (const p of check.problems) deps.logger.error({ problem: p }, copy.schemaProblem(p));
    return;
  }
  if (check) await drainWebhookEvents(deps, setup);
}
