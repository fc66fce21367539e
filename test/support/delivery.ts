import { createGitHub } from '../../src/clients/github.ts';
import { createNotion } from '../../src/clients/notion.ts';
import type { NotionRateLimitOptions } from '../../src/clients/notion-rate-limit.ts';
import { fileSchema } from '../../src/config.ts';
import type { DeliverySetup } from '../../src/features/delivery/setup.ts';
import { Lifecycle } from '../../src/lifecycle.ts';
import { createLogger } from '../../src/log.ts';
import type { Store } from '../../src/store/store.ts';
import type { FakeNotion } from './fake-notion.ts';

export const REPO = 'Codertocat/Hello-World';

export const deliveryYaml = (dataSourceId: string, extra = '') => `
delivery:
  repos: [${REPO}]
  notion:
    dataSourceId: "${dataSourceId}"
${extra}`;

export const silentLogger = createLogger({ level: 'silent' });

/** A delivery setup whose Notion client talks to the fake through the real limiter. */
export function fakeDeliverySetup(
  notion: FakeNotion,
  options: {
    rateLimit?: NotionRateLimitOptions;
    fetch?: typeof fetch;
    notion?: Record<string, unknown>;
  } = {},
): DeliverySetup {
  const delivery = fileSchema.parse({
    delivery: { repos: [REPO], notion: { dataSourceId: notion.dataSourceId, ...options.notion } },
  }).delivery!;
  return {
    delivery,
    clients: [],
    cache: {},
    notion: createNotion({
      token: 'secret_test',
      baseUrl: notion.url,
      logger: silentLogger,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    }),
  };
}

/** What drainWebhookEvents needs, around a store and a fake GitHub, with a ready lifecycle. */
export function drainDeps(
  store: Store,
  githubUrl: string,
  { now = () => new Date(), idle }: { now?: () => Date; idle?: () => Promise<void> } = {},
) {
  const lifecycle = new Lifecycle();
  lifecycle.phase = 'ready';
  return {
    store,
    lifecycle,
    logger: silentLogger,
    now,
    github: createGitHub({ token: undefined, baseUrl: githubUrl, logger: silentLogger }),
    instanceId: 'test-replica',
    ...(idle ? { idle } : {}),
  };
}
