import type { App } from '@slack/bolt';
import type { Deps } from '../deps.ts';
import { registerSnapshotPick } from './actions/snapshot-pick.ts';
import { registerSnapshotPost } from './actions/snapshot-post.ts';
import { type GigsHandlers, registerGigsCommand } from './commands/gigs.ts';
import { snapshotCommand } from './commands/snapshot.ts';
import { registerAppHomeOpened } from './events/app-home-opened.ts';

/** Wires every listener; each feature adds its handlers here and nowhere else. */
export function registerListeners(app: App, deps: Deps): void {
  // Keep every listener's work in the drain set, so SIGTERM finishes it first.
  // and count every request by kind, name and outcome for /metrics.
  app.use(async ({ next, body }) => {
    const { kind, name } = describeRequest(body as Record<string, unknown>);
    try {
      await deps.lifecycle.track(next());
      deps.metrics.slackRequests.inc({ kind, name, outcome: 'ok' });
    } catch (error) {
      deps.metrics.slackRequests.inc({ kind, name, outcome: 'error' });
      throw error;
    }
  });
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled listener error');
  });

  const handlers: GigsHandlers = { snapshot: snapshotCommand };
  registerGigsCommand(app, deps, handlers);
  registerSnapshotPost(app, deps);
  registerSnapshotPick(app, deps);
  registerAppHomeOpened(app, deps);
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
