import type { AnyMiddlewareArgs, App } from '@slack/bolt';
import type { Deps } from '../deps.ts';
import { commonCopy } from '../i18n/common.ts';
import { type GigsHandlers, registerGigsCommand } from './commands/gigs.ts';

/** Wires every listener; each feature adds its handlers here and nowhere else. */
export function registerListeners(app: App, deps: Deps): void {
  // Keep every listener's work in the drain set, so SIGTERM finishes it first.
  // and count every request by kind, name and outcome for /metrics.
  app.use(async (args) => {
    const { kind, name } = describeRequest(args.body as Record<string, unknown>);
    const acked = trackAck(args as unknown as { ack?: (...a: unknown[]) => Promise<void> });
    try {
      await deps.lifecycle.track(args.next());
      deps.metrics.slackRequests.inc({ kind, name, outcome: acked.value ? 'ok' : 'unhandled' });
    } catch (error) {
      deps.metrics.slackRequests.inc({ kind, name, outcome: 'error' });
      throw error;
    } finally {
      if (acked.ackable && !acked.value) await answerUnhandled(args, kind, name, deps);
    }
  });
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled listener error');
  });

  const handlers: GigsHandlers = {};
  registerGigsCommand(app, deps, handlers);
}

/** What a Slack request is, for metrics: `command /gigs`, `block_actions opportunity_draft`… */
export function describeRequest(body: Record<string, unknown>): { kind: string; name: string } {
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

/** Wraps a request's ack() so the global middleware knows whether any listener acked. */
function trackAck(args: { ack?: (...a: unknown[]) => Promise<void> }) {
  const state = { value: false, ackable: typeof args.ack === 'function' };
  const original = args.ack;
  if (original) {
    args.ack = async (...a: unknown[]) => {
      state.value = true;
      await original(...a);
    };
  }
  return state;
}

/**
 * Nothing handled this request (a button from an old message, a modal of a
 * record that is gone): ack so Slack shows no error, and say so politely.
 */
async function answerUnhandled(args: AnyMiddlewareArgs, kind: string, name: string, deps: Deps) {
  deps.logger.warn({ kind, name }, 'no listener handled this Slack request');
  const ackable = args as unknown as {
    ack: () => Promise<void>;
    respond?: (m: object) => Promise<unknown>;
  };
  await ackable.ack().catch(() => {});
  if (kind === 'block_actions' && ackable.respond) {
    await ackable
      .respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: commonCopy(deps.config.locale).staleAction,
      })
      .catch((error: unknown) =>
        deps.logger.warn({ err: error }, 'could not answer an unhandled action'),
      );
  }
}
