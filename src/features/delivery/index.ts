import type { Deps } from '../../deps.ts';
import type { Feature } from '../feature.ts';
import { deliveryPruneJob, deliveryReconcileJob } from './jobs.ts';
import { resumeDeliverySync } from './resume.ts';
import { deliverySetup } from './setup.ts';
import { syncHandler } from './sync-command.ts';
import { githubWebhookHandler } from './webhook.ts';

export { type DeliverySetup, deliverySetup } from './setup.ts';

/**
 * Delivery sync: GitHub pull requests into the client's Notion delivery
 * database, by signed webhooks (`POST /github/webhook`), reconciliation on
 * `delivery.pollCron` and `/gigs sync`. Without NOTION_TOKEN and a `delivery`
 * section only the webhook route is there (answering that it ignores them).
 */
export function createDelivery(deps: Deps): Feature {
  // One setup, and so one cache of what was read of Notion, for the whole feature.
  const setup = deliverySetup(deps);
  const secret = deps.config.env.GITHUB_WEBHOOK_SECRET;
  const reconcile = deliveryReconcileJob(deps, setup);
  return {
    name: 'delivery',
    ...(setup ? { subcommands: { sync: syncHandler(setup) } } : {}),
    // What grows without end is delivery sync's: recorded deliveries, reconciliation slots.
    jobs: reconcile ? [reconcile, deliveryPruneJob(deps)] : [],
    routes: secret
      ? { 'POST /github/webhook': githubWebhookHandler(deps, secret, undefined, setup) }
      : {},
    start: () => resumeDeliverySync(deps, setup),
  };
}
