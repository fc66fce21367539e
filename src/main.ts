import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGitHub } from './clients/github.ts';
import { createNotion } from './clients/notion.ts';
import { type Config, loadConfig } from './config.ts';
import type { Deps } from './deps.ts';
import { createHttpServer, type Routes } from './http/server.ts';
import { Lifecycle } from './lifecycle.ts';
import { githubWebhookHandler } from './listeners/github/webhook.ts';
import { registerListeners } from './listeners/index.ts';
import { createLogger, type Logger } from './log.ts';
import { registerJobs } from './scheduling/index.ts';
import { Scheduler } from './scheduling/scheduler.ts';
import { resumeDeliverySync } from './services/resume-delivery-sync.ts';
import { createSlackApp } from './slack/app.ts';
import { openStore } from './store/index.ts';

export interface RunningBot {
  deps: Deps;
  scheduler: Scheduler;
  server: Server;
  port: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  config?: Config;
  logger?: Logger;
  now?: () => Date;
}

/** The composition root: builds every part, passes it in, starts serving. */
export async function startGigops({
  env = process.env,
  ...options
}: StartOptions = {}): Promise<RunningBot> {
  const config = options.config ?? loadConfig(env);
  const logger =
    options.logger ?? createLogger({ level: config.env.LOG_LEVEL, secrets: config.secrets });
  const lifecycle = new Lifecycle();
  const store = await openStore(config.env);
  const deps: Deps = {
    config,
    logger,
    store,
    lifecycle,
    github: createGitHub({
      token: config.env.GITHUB_TOKEN,
      baseUrl: config.env.GITHUB_API_URL,
      logger,
    }),
    notion: config.env.NOTION_TOKEN
      ? createNotion({ token: config.env.NOTION_TOKEN, baseUrl: config.env.NOTION_API_URL, logger })
      : undefined,
    now: options.now ?? (() => new Date()),
    instanceId: randomUUID(),
  };

  const slack = createSlackApp(config, logger);
  registerListeners(slack.app, deps);
  const scheduler = new Scheduler(lifecycle, logger);
  registerJobs(scheduler, deps);

  const routes: Routes = {};
  if (slack.requestListener) routes['POST /slack/events'] = slack.requestListener;
  if (config.env.GITHUB_WEBHOOK_SECRET)
    routes['POST /github/webhook'] = githubWebhookHandler(deps, config.env.GITHUB_WEBHOOK_SECRET);
  const server = createHttpServer({ routes, lifecycle, logger });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.env.PORT, () => resolve());
    });
    await slack.start();
    await scheduler.start();
  } catch (error) {
    await scheduler.stop();
    server.close();
    await store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  lifecycle.phase = 'ready';
  logger.info({ port, mode: config.mode, store: store.engine }, 'gigops is ready');
  lifecycle.track(
    resumeDeliverySync(deps).catch((e: unknown) =>
      logger.error({ err: e }, 'delivery resume failed'),
    ),
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      lifecycle.phase = 'stopping';
      logger.info({ inFlight: lifecycle.inFlight }, 'stopping: finishing in-flight work');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await scheduler.stop();
      await slack
        .stop()
        .catch((e: unknown) => logger.warn({ err: e }, 'Slack did not stop cleanly'));
      const drained = await lifecycle.drain(10_000);
      if (!drained)
        logger.warn({ inFlight: lifecycle.inFlight }, 'gave up waiting for in-flight work');
      server.closeAllConnections();
      await closed;
      await store.close();
      lifecycle.phase = 'stopped';
      logger.info('stopped');
    })();
    return stopping;
  };
  return { deps, scheduler, server, port, stop };
}
