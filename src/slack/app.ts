import type { RequestListener } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';
import { LogLevel, WebClient } from '@slack/web-api';
import { classifyFailure, describeFailure } from '../clients/network-failure.ts';
import type { Config } from '../config.ts';
import { ErrorCode, GigopsError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { boltLogger } from './bolt-logger.ts';

export interface SlackApp {
  app: App;
  /** HTTP mode only: Bolt's verified handler for POST /slack/events. */
  requestListener: RequestListener | undefined;
  /**
   * The client for calls that are not idempotent (chat.postMessage): it never
   * retries by itself, since a request that timed out may have reached Slack.
   * postOnce (post-once.ts) decides, after looking, whether to post again.
   */
  postClient: WebClient;
  /** Checks the token (auth.test) and, in Socket Mode, connects. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Bolt app in the mode the environment asks for. In HTTP mode we do not
 * let Bolt own the server: our server hands it /slack/events, so /healthz,
 * /metrics and /github/webhook live beside it in both modes.
 */
export function createSlackApp(
  config: Config,
  logger: Logger,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): SlackApp {
  const { env } = config;
  const clientOptions = {
    ...slackClientPolicy(),
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    slackApiUrl: env.SLACK_API_URL,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const postClient = new WebClient(env.SLACK_BOT_TOKEN, {
    ...clientOptions,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
  const common = {
    token: env.SLACK_BOT_TOKEN,
    logger: boltLogger(logger),
    clientOptions,
    deferInitialization: true,
    // No listener reads context.conversation. Bolt's default store looks every
    // conversation up and, for each one it has not seen, builds and keeps a
    // "Conversation not found" Error (stack and all) until the request is done.
    convoStore: false,
  } as const;

  if (config.mode === 'socket') {
    const app = new App({ ...common, socketMode: true, appToken: env.SLACK_APP_TOKEN! });
    return {
      app,
      postClient,
      requestListener: undefined,
      start: async () => {
        await initialise(app, config);
        await app.start();
      },
      stop: async () => {
        await app.stop();
      },
    };
  }

  const receiver = new HTTPReceiver({
    signingSecret: env.SLACK_SIGNING_SECRET!,
    endpoints: '/slack/events',
    logger: common.logger,
    processBeforeResponse: false,
    // guardSlackRequests (http/replay-guard.ts), in front of it, checks every
    // request's signature and timestamp once; nothing reaches Bolt otherwise.
    signatureVerification: false,
    unhandledRequestTimeoutMillis: 2_900,
  });
  const app = new App({ ...common, receiver });
  return {
    app,
    postClient,
    requestListener: receiver.requestListener,
    start: () => initialise(app, config),
    stop: async () => {},
  };
}

/**
 * The Web API client's one retry policy. Its defaults retry for about 30
 * minutes with no request timeout; a slash command's answer or a snapshot
 * must not hang that long. 429s wait Retry-After and count as a retry.
 */
export function slackClientPolicy(minTimeout = 1_000) {
  return {
    timeout: 10_000,
    retryConfig: { retries: 2, factor: 2, minTimeout, maxTimeout: 4 * minTimeout },
  };
}

async function initialise(app: App, config: Config): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    // Only a refused token is the token's fault: no network or a Slack outage says so.
    const failure = classifyFailure(error);
    if (failure.kind === 'credentials')
      throw new GigopsError(
        ErrorCode.SlackAuthFailed,
        `Slack rejected SLACK_BOT_TOKEN (${failure.detail}). Copy the Bot User OAuth Token (xoxb-…) from your app's OAuth & Permissions page, and reinstall the app if its scopes changed.`,
        { cause: error },
      );
    throw new GigopsError(
      ErrorCode.SlackUnavailable,
      describeFailure(failure, {
        service: 'Slack',
        urlVar: 'SLACK_API_URL',
        url: config.env.SLACK_API_URL,
        tokenVar: 'SLACK_BOT_TOKEN',
      }),
      { cause: error },
    );
  }
}
