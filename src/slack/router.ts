import type {
  AllMiddlewareArgs,
  App,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';

/** What listener modules register on: Bolt's `action` and `view`, as they are typed there. */
export type Listeners = Pick<App, 'action' | 'view'>;

type Handler = (args: never) => Promise<void> | void;

/**
 * Bolt runs every listener's middleware chain on every request
 * (App.processEvent maps over all of them, each with its own promises and
 * closures), whether its action id matches or not. With a Bolt listener per
 * button and modal, that fan-out was about a sixth of what a request
 * allocated. Here a button or modal registered by its id goes into a Map,
 * and `mount()` gives Bolt one listener per kind, matching exactly the
 * registered ids and handing each request to its handler. An id nobody
 * registered matches nothing, so the request stays unacked and
 * countAndGuard answers it, as before. Anything else (a RegExp or object
 * constraint, listener middleware) goes to Bolt unchanged.
 */
export function routeListeners(app: App): { listeners: Listeners; mount(): void } {
  const actions = new Map<string, Handler>();
  const views = new Map<string, Handler>();
  const add = (routes: Map<string, Handler>, id: string, handler: Handler) => {
    if (routes.has(id)) throw new Error(`two listeners registered for ${id}`);
    routes.set(id, handler);
  };
  const listeners = {
    action(constraint: unknown, ...handlers: Handler[]) {
      if (typeof constraint === 'string' && handlers.length === 1)
        add(actions, constraint, handlers[0]!);
      else (app.action as (...args: unknown[]) => void)(constraint, ...handlers);
    },
    view(constraint: unknown, ...handlers: Handler[]) {
      if (typeof constraint === 'string' && handlers.length === 1)
        add(views, constraint, handlers[0]!);
      else (app.view as (...args: unknown[]) => void)(constraint, ...handlers);
    },
  } as unknown as Listeners;
  return {
    listeners,
    mount() {
      if (actions.size > 0)
        app.action(
          { type: 'block_actions', action_id: exactly(actions.keys()) },
          (args: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
            const { action_id } = args.action as { action_id: string };
            return (actions.get(action_id) as (a: typeof args) => Promise<void>)(args);
          },
        );
      if (views.size > 0)
        app.view(
          { type: 'view_submission', callback_id: exactly(views.keys()) },
          (args: SlackViewMiddlewareArgs & AllMiddlewareArgs) =>
            (views.get(args.view.callback_id) as (a: typeof args) => Promise<void>)(args),
        );
    },
  };
}

/** A RegExp matching exactly one of these ids. */
function exactly(ids: Iterable<string>): RegExp {
  const escaped = [...ids].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(?:${escaped.join('|')})$`);
}
