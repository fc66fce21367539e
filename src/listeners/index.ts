import type { App, ReceiverEvent } from '@slack/bolt';
import type { Deps } from '../deps.ts';
import type { Feature } from '../features/feature.ts';
import { AckGate } from '../http/ack-gate.ts';
import { bufferedFetch } from '../http/buffered-fetch.ts';
import { commonCopy } from '../i18n/common.ts';
import { slackRequestKind, slackRequestName } from '../metrics.ts';
import { type GigsHandlers, registerGigsCommand } from './commands/gigs.ts';

/** Wires every listener; each feature adds its handlers here and nowhere else. */
export function registerListeners(
  app: App,
  deps: Deps,
  gate = new AckGate(),
  features: readonly Feature[] = [],
): void {
  // Keep every listener's work in the drain set, so SIGTERM finishes it first.
  app.use(async ({ next }) => {
    await deps.lifecycle.track(next());
  });
  countAndGuard(app, deps, gate);
  // A listener's error goes on to countAndGuard, which logs it once and counts it.
  app.error(async (error) => {
    throw error;
  });

  const handlers: GigsHandlers = {};
  for (const feature of features) Object.assign(handlers, feature.subcommands);
  registerGigsCommand(app, deps, handlers);
  // Buttons and modals by id, straight on Bolt (a router of our own in front of
  // Bolt's dispatch measured no better: docs/performance.md).
  for (const feature of features) feature.listen?.(app, app);
}

/**
 * What a Slack request is, for metrics: `command /gigs`, `block_actions
 * opportunity_draft`… Both from fixed sets (a name gigops does not answer is
 * `other`), so no request adds a time series.
 */
export function describeRequest(body: Record<string, unknown>): { kind: string; name: string } {
  const { kind, name } = rawRequestName(body);
  return { kind: slackRequestKind(kind), name: slackRequestName(name) };
}

function rawRequestName(body: Record<string, unknown>): { kind: string; name: string } {
  if (typeof body.command === 'string') return { kind: 'command', name: body.command };
  const type = typeof body.type === 'string' ? body.type : 'unknown';
  if (type === 'block_actions') {
    const action = (body.actions as Array<{ action_id?: string }> | undefined)?.[0];
    return { kind: type, name: action?.action_id ?? 'unknown' };
  }
  if (type === 'view_submission' || type === 'view_closed') {
    const view = body.view as { callback_id?: string } | undefined;
    return { kind: type, name: view?.callback_id ?? 'unknown' };
  }
  if (type === 'event_callback') {
    const event = body.event as { type?: string } | undefined;
    return { kind: 'event', name: event?.type ?? 'unknown' };
  }
  return { kind: type, name: 'unknown' };
}

/**
 * Wraps App.processEvent, the one door every receiver (HTTP and Socket Mode)
 * uses, to count each request by kind, name and outcome for /metrics, and to
 * answer requests no listener acked — a button from an old message, a modal of
 * a record that is gone — so Slack shows no error and the user hears why. A
 * listener that throws is counted as `error`, and the user is told it failed.
 */
function countAndGuard(app: App, deps: Deps, gate: AckGate): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    const { kind, name } = describeRequest(event.body);
    const responseUrl =
      typeof event.body.response_url === 'string' ? event.body.response_url : undefined;
    let acked = false;
    const ack = event.ack;
    const wrapped = async (response?: unknown) => {
      acked = true;
      await ack(response as never);
      // The listener's work after its ack (SQLite, ranking, rendering) is
      // synchronous until its first real I/O: it resumes once the requests
      // already waiting have been acked.
      await gate.idle();
    };
    const outcome = await processEvent({ ...event, ack: wrapped }).then(
      () => (acked || kind === 'event' ? 'ok' : 'unhandled'),
      (error: unknown) => {
        deps.logger.error({ err: error, kind, name }, 'Slack request failed');
        return 'error';
      },
    );
    deps.metrics.slackRequests.inc({ kind, name, outcome });
    if (kind !== 'event' && (!acked || outcome === 'error')) {
      if (!acked) await event.ack().catch(() => {});
      await answer({ kind, name, responseUrl }, outcome, deps);
    }
  };
}

interface RequestInfo {
  kind: string;
  name: string;
  responseUrl: string | undefined;
}

/** Tells the user why their request did nothing: an old button, or a failure. */
async function answer({ kind, name, responseUrl }: RequestInfo, outcome: string, deps: Deps) {
  if (outcome === 'unhandled')
    deps.logger.warn({ kind, name }, 'no listener handled this Slack request');
  if (responseUrl === undefined) return;
  if (outcome === 'unhandled' && kind !== 'block_actions') return;
  const copy = commonCopy(deps.config.locale);
  const text = outcome === 'error' ? copy.somethingFailed : copy.staleAction;
  await bufferedFetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
  }).catch((error: unknown) =>
    deps.logger.warn({ err: error }, 'could not tell the user about their request'),
  );
}
