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
 * Every label value comes from a fixed set, so no request can add a time
 * series (PRODUCT.md: bounded label sets). Anything else counts as `other`.
 */
export const OTHER = 'other';

/**
 * The upstream endpoints gigops calls, as templates. Owner and repository
 * names, page ids, pull request numbers, response_url tokens and upload URLs
 * come from requests and payloads: none of them reaches a label.
 */
const ENDPOINTS: ReadonlyArray<readonly [RegExp, string]> = [
  // Slack: Web API methods (named by our code), response_url, file uploads.
  [/^\/api\/([a-z]+(?:\.[a-zA-Z]+){1,3})$/, '/api/$1'],
  [/^\/(?:commands|actions)\/[^?]+$/, 'response_url'],
  [/^\/upload\/v1\/[^?]+$/, 'file_upload'],
  // GitHub (GitHub Enterprise Server's /api/v3 prefix is dropped first).
  [/^\/search\/issues$/, '/search/issues'],
  [/^\/graphql$/, '/graphql'],
  [/^\/rate_limit$/, '/rate_limit'],
  [/^\/user$/, '/user'],
  [/^\/repos\/[^/]+\/[^/]+\/issues\/\d+$/, '/repos/:owner/:repo/issues/:n'],
  [/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/, '/repos/:owner/:repo/issues/:n/comments'],
  [/^\/repos\/[^/]+\/[^/]+\/pulls$/, '/repos/:owner/:repo/pulls'],
  [/^\/repos\/[^/]+\/[^/]+\/pulls\/\d+$/, '/repos/:owner/:repo/pulls/:n'],
  [/^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/reviews$/, '/repos/:owner/:repo/pulls/:n/reviews'],
  [
    /^\/repos\/[^/]+\/[^/]+\/commits\/[^/]+\/check-runs$/,
    '/repos/:owner/:repo/commits/:ref/check-runs',
  ],
  // Notion.
  [/^\/v1\/data_sources\/[^/]+$/, '/v1/data_sources/:id'],
  [/^\/v1\/data_sources\/[^/]+\/query$/, '/v1/data_sources/:id/query'],
  [/^\/v1\/pages$/, '/v1/pages'],
  [/^\/v1\/pages\/[^/]+$/, '/v1/pages/:id'],
];

/** A path as a metric label: one of the templates above, or `other`. */
export function endpointOf(path: string): string {
  const p = path.replace(/^\/api\/v3(?=\/)/, '');
  for (const [pattern, template] of ENDPOINTS)
    if (pattern.test(p)) return p.replace(pattern, template);
  return OTHER;
}

/** The Slack requests gigops answers (PRODUCT.md's ids and its own); any other name is `other`. */
const SLACK_REQUEST_NAMES = new Set([
  '/gigs',
  'app_home_opened',
  'opportunity_draft',
  'opportunity_dismiss',
  'opportunity_more',
  'proposal_approve',
  'proposal_edit',
  'proposal_reject',
  'proposal_polish',
  'proposal_comment',
  'snapshot_post',
  'snapshot_pick',
  'snapshot_approve',
  'lead_won',
  'proposal_edit_modal',
  'proposal_reject_modal',
  'proposal_paste_modal',
  'lead_won_modal',
]);
const SLACK_REQUEST_KINDS = new Set([
  'command',
  'event',
  'block_actions',
  'view_submission',
  'view_closed',
  'http',
  'socket',
]);

export const slackRequestName = (name: string) => (SLACK_REQUEST_NAMES.has(name) ? name : OTHER);
export const slackRequestKind = (kind: string) => (SLACK_REQUEST_KINDS.has(kind) ? kind : OTHER);

/** The GitHub events gigops handles, and ping; any other header value is `other`. */
const WEBHOOK_EVENTS = new Set([
  'ping',
  'pull_request',
  'pull_request_review',
  'check_suite',
  'check_run',
]);
export const webhookEventLabel = (event: unknown) =>
  typeof event === 'string' && WEBHOOK_EVENTS.has(event) ? event : OTHER;
