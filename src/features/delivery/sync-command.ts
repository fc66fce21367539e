import { escapeMrkdwn } from '../../blocks/mrkdwn.ts';
import { classifyFailure } from '../../clients/network-failure.ts';
import { deliveryCopy } from '../../i18n/delivery.ts';
import type { SubcommandHandler } from '../../listeners/commands/gigs.ts';
import { drainWebhookEvents } from './drain-webhook-events.ts';
import { renderSchemaProblems, renderSyncReport } from './presenter.ts';
import { reconcileExclusively } from './reconcile-exclusively.ts';
import { checkDeliverySetup, type DeliverySetup } from './setup.ts';

/** `/gigs sync`: check the schema afresh, reconcile now, report what changed. */
export function syncHandler(setup: DeliverySetup): SubcommandHandler<'sync'> {
  return async (_command, args, deps) => {
    const { respond } = args;
    const { locale } = deps.config;
    let check: Awaited<ReturnType<typeof checkDeliverySetup>>;
    try {
      check = await checkDeliverySetup(setup, { refresh: true });
    } catch (error) {
      deps.logger.error({ err: error }, 'could not read the Notion delivery data source');
      const failure = classifyFailure(error);
      await respond({
        response_type: 'ephemeral',
        text: deliveryCopy(locale).notionFailed(failure.kind, escapeMrkdwn(failure.detail)),
      });
      return;
    }
    if (!check.ok) {
      await respond({
        response_type: 'ephemeral',
        ...renderSchemaProblems(locale, check.problems),
      });
      return;
    }
    const report = await reconcileExclusively(deps, setup, check.kinds);
    if (!report) {
      await respond({ response_type: 'ephemeral', text: deliveryCopy(locale).syncRunning });
      return;
    }
    const unmatched = await deps.store.delivery.takeUnreportedUnmatched(deps.now());
    const refused = await deps.store.delivery.takeUnreportedRefused(deps.now());
    await respond({
      response_type: 'ephemeral',
      ...renderSyncReport(locale, report, unmatched, refused),
    });
    // Webhook events held back by an earlier schema mismatch can go now.
    void drainWebhookEvents(deps, setup).catch((e: unknown) =>
      deps.logger.error({ err: e }, 'webhook queue failed'),
    );
  };
}
