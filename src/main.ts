import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGitHub } from './clients/github.ts';
import { type Config, loadConfig } from './config.ts';
import type { Deps, SourcePorts } from './deps.ts';
import { createDelivery } from './features/delivery/index.ts';
import type { Feature } from './features/feature.ts';
import { createHome } from './features/home/index.ts';
import { createLeads, leadsHomeSection } from './features/leads/index.ts';
import { createProposals } from './features/proposals/index.ts';
import { checkGitHubToken, createRadar } from './features/radar/index.ts';
import { createSnapshots } from './features/snapshots/index.ts';
import { AckGate } from './http/ack-gate.ts';
import { bufferedFetch } from './http/buffered-fetch.ts';
import { guardSlackRequests } from './http/replay-guard.ts';
import { createHttpServer, type Routes } from './http/server.ts';
import { StoreProbe } from './http/store-probe.ts';
import { healthFetch, IntegrationHealth } from './integration-health.ts';
import { Lifecycle } from './lifecycle.ts';
import { registerListeners } from './listeners/index.ts';
import { createLogger, type Logger } from './log.ts';
import { countingFetch, createMetrics } from './metrics.ts';
import { registerJobs } from './scheduling/index.ts';
import { Scheduler } from './scheduling/scheduler.ts';
import { createSlackApp } from './slack/app.ts';
import { createGitHubSource } from './sources/github/index.ts';
import { createPostSource } from './sources/post/index.ts';
import { type OpportunitySource, OpportunitySources } from './sources/source.ts';
import { openStore } from './store/index.ts';

export interface RunningBot {
  deps: Deps;
  scheduler: Scheduler;
  server: Server;
  /** Start-up work done in the background (late snapshots); tests await it. */
  startup: Promise<void>;
  port: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  config?: Config;
  logger?: Logger;
  now?: () => Date;
  /** How long stop() waits for in-flight work before closing the store (default 10 s). */
  shutdownGraceMs?: number;
  /** Slack Web API request timeout (default 10 s); tests shorten it. */
  slackTimeoutMs?: number;
  /** Opportunity sources beyond the built-in ones (tests add a toy one). */
  sources?: Array<(ports: SourcePorts) => OpportunitySource>;
}

/** How often the store's housekeeping runs, when the bot is idle. */
const CHECKPOINT_EVERY_MS = 2_000;

/** The composition root: builds every part, passes it in, starts serving. */
export async function startGigops({
  env = process.env,
  ...options
}: StartOptions = {}): Promise<RunningBot> {
  const config = options.config ?? loadConfig(env);
  const logger =
    options.logger ?? createLogger({ level: config.env.LOG_LEVEL, secrets: config.secrets });
  const lifecycle = new Lifecycle();
  const metrics = createMetrics();
  const ackGate = new AckGate();
  // Listening first: while the store opens and Slack connects, /healthz says 503
  // (a probe is answered, not refused) and the other routes join when built.
  const routes: Routes = {
    'GET /metrics': async (_req, res) => {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
    },
  };
  const storeProbe = new StoreProbe();
  const server = createHttpServer({ routes, lifecycle, logger, gate: ackGate, storeProbe });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.env.PORT, () => resolve());
  });
  const store = await openStore(config.env, {
    onError: (operation) => metrics.storeErrors.inc({ operation }),
  }).catch(async (error: unknown) => {
    await closeServer(server);
    throw error;
  });
  storeProbe.attach(() => store.ready());
  const { env: e } = config;
  const now = options.now ?? (() => new Date());
  const health = new IntegrationHealth(now);
  // Slack is called on every interaction: bufferedFetch keeps those responses
  // out of the old generation (see there). GitHub and Notion keep global fetch.
  const slack = createSlackApp(config, logger, {
    fetch: countingFetch(metrics, 'slack', healthFetch(health, 'slack', bufferedFetch)),
    ...(options.slackTimeoutMs ? { timeoutMs: options.slackTimeoutMs } : {}),
  });
  const github = createGitHub({
    token: e.GITHUB_TOKEN,
    baseUrl: e.GITHUB_API_URL,
    logger,
    fetch: countingFetch(metrics, 'github', healthFetch(health, 'github')),
    onRateLimit: (kind) => metrics.rateLimitWaits.inc({ service: 'github', kind }),
  });
  // Where opportunities come from: one line per source.
  const ports: SourcePorts = { config, logger, github, now };
  const sources = new OpportunitySources([
    createGitHubSource(ports),
    createPostSource({ store }),
    ...(options.sources ?? []).map((make) => make(ports)),
  ]);
  const deps: Deps = {
    config,
    logger,
    store,
    lifecycle,
    metrics,
    github,
    sources,
    // The Notion client is loaded only when configured.
    notion: e.NOTION_TOKEN
      ? (await import('./clients/notion.ts')).createNotion({
          token: e.NOTION_TOKEN,
          baseUrl: e.NOTION_API_URL,
          logger,
          fetch: countingFetch(metrics, 'notion', healthFetch(health, 'notion')),
        })
      : undefined,
    now,
    instanceId: randomUUID(),
    slack: slack.app.client,
    slackPost: slack.postClient,
    health,
    idle: () => ackGate.idle(),
  };

  // Each feature built once from the shared ports; it returns what to mount.
  const features: Feature[] = [
    createRadar(deps),
    createProposals(deps),
    createDelivery(deps),
    createSnapshots(deps),
    createLeads(deps),
    createHome(deps, [(user) => leadsHomeSection(deps, user)]),
  ];
  registerListeners(slack.app, deps, ackGate, features);
  const scheduler = new Scheduler(lifecycle, logger, metrics);
  registerJobs(scheduler, features);

  const slackListener = slack.requestListener;
  if (slackListener) {
    routes['POST /slack/events'] = guardSlackRequests(
      (req, res) => {
        const stopTimer = metrics.ackSeconds.startTimer({ kind: 'http' });
        res.once('finish', () => stopTimer());
        return slackListener(req, res);
      },
      {
        signingSecret: config.env.SLACK_SIGNING_SECRET!,
        claim: (signature, ts, forgetBefore) =>
          store.meta.claimSlackSignature(signature, ts, forgetBefore),
      },
    );
  }
  for (const feature of features) Object.assign(routes, feature.routes);

  try {
    await slack.start();
    await scheduler.start();
    health.ok('slack');
  } catch (error) {
    await scheduler.stop();
    await closeServer(server);
    await store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  lifecycle.phase = 'ready';
  logger.info({ port, mode: config.mode, store: store.engine }, 'gigops is ready');
  // Never blocks start-up: a bad GITHUB_TOKEN is logged, and /gigs says so too.
  void checkGitHubToken(deps);
  // What a feature left unfinished goes now, never blocking start-up: a snapshot missed
  // while the bot was down (late, within the grace window), webhook events recorded but
  // not yet written to Notion (a crash, a restart).
  const startup = lifecycle.track(
    Promise.all(
      features.map((feature) =>
        feature
          .start?.()
          .catch((error: unknown) =>
            logger.error({ err: error, feature: feature.name }, 'feature start-up failed'),
          ),
      ),
    ).then(() => undefined),
  );

  // Store housekeeping (SQLite's WAL checkpoint) in a quiet moment, never
  // between a request and its answer.
  const housekeeping = setInterval(() => {
    void ackGate
      .idle()
      .then(() => store.checkpoint?.())
      .catch((e: unknown) => logger.warn({ err: e }, 'store checkpoint failed'));
  }, CHECKPOINT_EVERY_MS);
  housekeeping.unref();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      lifecycle.phase = 'stopping';
      logger.info({ inFlight: lifecycle.inFlight }, 'stopping: finishing in-flight work');
      // Still listening until the work is done: /healthz answers 503, new work 503.
      server.closeIdleConnections();
      clearInterval(housekeeping);
      await scheduler.stop();
      await slack
        .stop()
        .catch((e: unknown) => logger.warn({ err: e }, 'Slack did not stop cleanly'));
      const drained = await lifecycle.drain(options.shutdownGraceMs ?? 10_000);
      if (!drained)
        logger.warn({ inFlight: lifecycle.inFlight }, 'gave up waiting for in-flight work');
      await Promise.all(
        features.map((f) =>
          f.stop?.().catch((e: unknown) => logger.warn({ err: e, feature: f.name }, 'stop failed')),
        ),
      );
      await closeServer(server);
      await store.close();
      lifecycle.phase = 'stopped';
      logger.info('stopped');
    })();
    return stopping;
  };
  return { deps, scheduler, server, port, startup, stop };
}

function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
}
