import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics, one registry per bot (tests run several in a process).
 * Names follow Prometheus conventions: `gigops_` prefix, `_total` counters,
 * `_seconds` histograms.
 */
export interface Metrics {
  registry: Registry;
  slackRequests: Counter<'kind' | 'name' | 'outcome'>;
  ackSeconds: Histogram<'kind'>;
  upstreamRequests: Counter<'service' | 'endpoint' | 'status'>;
  rateLimitWaits: Counter<'service' | 'kind'>;
  jobs: Counter<'job' | 'outcome'>;
  webhookDeliveries: Counter<'event' | 'outcome'>;
  storeErrors: Counter<'operation'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gigops_' });
  const registers = [registry];
  return {
    registry,
    slackRequests: new Counter({
      name: 'gigops_slack_requests_total',
      help: 'Slash commands, actions, views and events handled, by name and outcome',
      labelNames: ['kind', 'name', 'outcome'],
      registers,
    }),
    ackSeconds: new Histogram({
      name: 'gigops_ack_seconds',
      help: 'Time from receiving a Slack request to acknowledging it',
      labelNames: ['kind'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    upstreamRequests: new Counter({
      name: 'gigops_upstream_requests_total',
      help: 'Requests to GitHub, Notion and Slack, by endpoint and HTTP status',
      labelNames: ['service', 'endpoint', 'status'],
      registers,
    }),
    rateLimitWaits: new Counter({
      name: 'gigops_rate_limit_waits_total',
      help: 'Times an upstream rate limit made us wait or give up, by kind (GitHub: primary, secondary; Notion, Slack: 429)',
      labelNames: ['service', 'kind'],
      registers,
    }),
    jobs: new Counter({
      name: 'gigops_jobs_total',
      help: 'Scheduled jobs by outcome: fired (a cron tick ran), failed; snapshot, digest and delivery-reconcile also run, skipped (slot taken)',
      labelNames: ['job', 'outcome'],
      registers,
    }),
    webhookDeliveries: new Counter({
      name: 'gigops_webhook_deliveries_total',
      help: 'GitHub webhook deliveries by event and outcome',
      labelNames: ['event', 'outcome'],
      registers,
    }),
    storeErrors: new Counter({
      name: 'gigops_store_errors_total',
      help: 'Store operations that threw (database unreachable, constraint, bug), by operation',
      labelNames: ['operation'],
      registers,
    }),
  };
}

/**
 * A fetch that counts each request by service, endpoint (the path with ids
 * folded) and status; given to the Slack, Octokit and Notion clients.
 */
export function countingFetch(
  metrics: Metrics,
  service: string,
  base?: typeof fetch,
): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const endpoint = endpointOf(url.pathname);
    try {
      const res = await (base ?? globalThis.fetch)(input, init);
      metrics.upstreamRequests.inc({ service, endpoint, status: String(res.status) });
      // GitHub signals its limits with 403 as well as 429: the throttling plugin counts those.
      if (res.status === 429 && service !== 'github')
        metrics.rateLimitWaits.inc({ service, kind: '429' });
      return res;
    } catch (error) {
      metrics.upstreamRequests.inc({ service, endpoint, status: 'error' });
      throw error;
    }
  };
}

/**
 * A path as a metric label: ids and tokens folded, so the label set stays
 * bounded. Every response_url (`/commands/T…/123…/<token>`) and file upload
 * URL is unique; counted as they are, each command would add a time series
 * to /metrics for good.
 */
export function endpointOf(path: string): string {
  return path
    .replace(/\/[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/gi, '/:id')
    .replace(/\/\d+(?=\/|$)/g, '/:n')
    .replace(/\/[A-Za-z0-9]{20,}(?=\/|$)/g, '/:token');
}
