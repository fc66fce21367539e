import type { Deps } from '../../deps.ts';
import { processWebhookEvent } from './process-webhook-event.ts';
import { checkDeliverySetup, type DeliverySetup } from './setup.ts';

/** Attempts per recorded delivery before it is parked as failed (and logged). */
export const MAX_WEBHOOK_ATTEMPTS = 5;
/**
 * A replica that claimed a delivery and died gives it up after this long. The
 * embedded SQLite store has one bot per file, so a claim found there is a dead
 * process's and is taken at once: a restart replays immediately.
 */
export const WEBHOOK_CLAIM_LEASE_MS = 5 * 60_000;

/**
 * Works through recorded webhook deliveries, oldest first, one at a time (the
 * Notion limiter paces them; order keeps a later state from being overwritten
 * by an earlier one). Calls while it runs make it look again before stopping;
 * at start-up it replays what a crash left pending.
 */
export function drainWebhookEvents(
  deps: Pick<Deps, 'store' | 'logger' | 'now' | 'github' | 'lifecycle' | 'instanceId' | 'idle'>,
  setup: DeliverySetup,
): Promise<void> {
  // The feature's one drain: its state lives on the setup createDelivery built.
  setup.cache.drain ??= { running: undefined, again: false };
  const s = setup.cache.drain;
  if (s.running) {
    s.again = true;
    return s.running;
  }
  const run = async () => {
    do {
      s.again = false;
      await drainOnce(deps, setup);
    } while (s.again);
  };
  s.running = deps.lifecycle.track(
    run().finally(() => {
      s.running = undefined;
    }),
  );
  return s.running;
}

async function drainOnce(
  deps: Pick<Deps, 'store' | 'logger' | 'now' | 'github' | 'lifecycle' | 'instanceId' | 'idle'>,
  setup: DeliverySetup,
): Promise<void> {
  const check = await checkDeliverySetup(setup);
  if (!check.ok) {
    deps.logger.error(
      { problems: check.problems },
      'delivery sync is paused: the Notion data source does not match gigops.yml; webhook events stay queued until /gigs sync passes the schema check',
    );
    return;
  }
  // Events that failed in this pass, or that another replica holds, stay pending; read past them.
  const passed = new Set<string>();
  const stopping = () => deps.lifecycle.phase === 'stopping' || deps.lifecycle.phase === 'stopped';
  for (;;) {
    if (stopping()) return;
    const batch = (await deps.store.delivery.pendingWebhookEvents(passed.size + 50)).filter(
      (e) => !passed.has(e.id),
    );
    if (batch.length === 0) return;
    for (const event of batch) {
      // A burst of deliveries (or Slack requests) is answered before the next one is worked on.
      await deps.idle?.();
      // Shutdown: a delivery not yet claimed waits in the store for the next start.
      if (stopping()) return;
      // Several replicas may drain at once (start-up replay): one processes each.
      const mine = await deps.store.delivery.claimWebhookEvent(
        event.id,
        deps.instanceId,
        deps.now(),
        deps.store.engine === 'sqlite' ? 0 : WEBHOOK_CLAIM_LEASE_MS,
      );
      if (!mine) {
        passed.add(event.id); // another replica has it: read past it
        continue;
      }
      try {
        await processWebhookEvent(deps, setup, event.event, event.payload, { kinds: check.kinds });
        await deps.store.delivery.completeWebhookEvent(event.id, deps.now());
      } catch (error) {
        if (stopping()) {
          // Shutdown cut this one short, and the store may be closed already:
          // not an attempt. It stays claimed, and the next start replays it.
          deps.logger.warn(
            { err: error, delivery: event.id, event: event.event },
            'stopped before this webhook delivery was written to Notion; the next start replays it',
          );
          return;
        }
        passed.add(event.id);
        const last = event.attempts + 1 >= MAX_WEBHOOK_ATTEMPTS;
        deps.logger[last ? 'error' : 'warn'](
          { err: error, delivery: event.id, event: event.event, attempt: event.attempts + 1 },
          last ? 'webhook event failed for good' : 'webhook event failed; will retry',
        );
        await deps.store.delivery.failWebhookEvent(
          event.id,
          String((error as Error).message ?? error),
          MAX_WEBHOOK_ATTEMPTS,
          deps.now(),
        );
      }
    }
  }
}
