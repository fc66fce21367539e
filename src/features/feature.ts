import type { App } from '@slack/bolt';
import type { Routes } from '../http/server.ts';
import type { GigsHandlers } from '../listeners/commands/gigs.ts';
import type { ScheduledJob } from '../scheduling/scheduler.ts';
import type { Listeners } from '../slack/listeners.ts';

/**
 * What a feature gives the bot (probot's appFn idea): main.ts builds each
 * feature once from the shared ports (store, clients, config, clock) and
 * mounts what it returns. A feature's folder holds its listeners, use cases,
 * presenter, jobs and pure helpers; other code imports only its index.ts
 * (test/feature-imports.test.ts keeps it so).
 */
export interface Feature {
  readonly name: string;
  /** The `/gigs` subcommands it answers. */
  subcommands?: GigsHandlers;
  /** Its buttons, modals and events. */
  listen?(listeners: Listeners, app: App): void;
  /** Its scheduled jobs. */
  jobs?: ScheduledJob[];
  /** Its HTTP routes, e.g. `POST /github/webhook`. */
  routes?: Routes;
  /** Work to pick up at start-up (never blocks it). */
  start?(): Promise<void>;
  /** What to close at shutdown, once in-flight work is done (a pooled SMTP transport). */
  stop?(): Promise<void>;
}
