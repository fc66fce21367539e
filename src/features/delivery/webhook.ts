import type { IncomingMessage } from 'node:http';
import { Webhooks } from '@octokit/webhooks';
import type { Deps } from '../../deps.ts';
import { type Handler, sendJson } from '../../http/server.ts';
import { OTHER, webhookEventLabel } from '../../metrics.ts';
import { drainWebhookEvents } from './drain-webhook-events.ts';
import {
  DELIVERY_EVENTS,
  encodeTargets,
  type WebhookTarget,
  webhookTargets,
} from './process-webhook-event.ts';
import { recordTogether } from './record-together.ts';
import { type DeliverySetup, deliverySetup } from './setup.ts';

/** GitHub sends at most 25 MB; pull request events are tens of kilobytes. */
export const MAX_WEBHOOK_BYTES = 2 * 1024 * 1024;

const FORM = 'application/x-www-form-urlencoded';

class TooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The answers this endpoint gives; anything else is `other`. */
const STATUSES = new Set([200, 202, 400, 401, 413, 415, 500, 503]);
const statusLabel = (status: number) => (STATUSES.has(status) ? String(status) : OTHER);

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * `POST /github/webhook`: verify X-Hub-Signature-256 on the raw body (constant
 * time, @octokit/webhooks), record the delivery once per X-GitHub-Delivery
 * (deliveries read in the same turn share one commit), answer 202, then do
 * the Notion work. Recording comes before the answer, so
 * a crash after it is replayed at start-up.
 */
export function githubWebhookHandler(
  deps: Deps,
  secret: string,
  maxBytes = MAX_WEBHOOK_BYTES,
  /** The feature's one setup (and cache); without Notion, deliveries are answered and ignored. */
  setup: DeliverySetup | undefined = deliverySetup(deps),
): Handler {
  const webhooks = new Webhooks({ secret });
  const record = recordTogether(deps.store.delivery);
  return async (req, res) => {
    // Every answer counted for /metrics, from fixed sets: a request that failed
    // its signature is one `rejected` series, whatever its headers say.
    let verified = false;
    res.once('finish', () => {
      deps.metrics.webhookDeliveries.inc(
        verified
          ? {
              event: webhookEventLabel(req.headers['x-github-event']),
              outcome: statusLabel(res.statusCode),
            }
          : {
              event: OTHER,
              outcome: res.statusCode === 401 ? 'rejected' : statusLabel(res.statusCode),
            },
      );
    });
    if (!deps.lifecycle.accepting) return sendJson(res, 503, { error: 'shutting_down' });
    let raw: string;
    try {
      raw = await readBody(req, maxBytes);
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error;
      res.setHeader('connection', 'close');
      return sendJson(res, 413, { error: 'payload_too_large', limit: maxBytes });
    }
    const signature = header(req, 'x-hub-signature-256');
    const valid = signature ? await webhooks.verify(raw, signature).catch(() => false) : false;
    if (!valid) return sendJson(res, 401, { error: 'invalid_signature' });
    verified = true;

    const event = header(req, 'x-github-event');
    const id = header(req, 'x-github-delivery');
    if (!event || !id) return sendJson(res, 400, { error: 'missing_github_headers' });
    if (event === 'ping' || !setup || !DELIVERY_EVENTS.includes(event))
      return sendJson(res, 200, { ignored: event });

    // GitHub sends JSON, or form encoding with the JSON in `payload`; nothing else.
    const type = (header(req, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json' && type !== FORM)
      return sendJson(res, 415, { error: 'unsupported_media_type', expected: 'application/json' });
    const json = type === FORM ? (new URLSearchParams(raw).get('payload') ?? '') : raw;
    let targets: WebhookTarget[];
    try {
      targets = webhookTargets(event, JSON.parse(json), setup.delivery.repos);
    } catch (error) {
      deps.logger.warn({ err: error, delivery: id, event }, 'unreadable webhook body');
      return sendJson(res, 400, { error: 'unreadable_payload' });
    }
    if (targets.length === 0) return sendJson(res, 200, { ignored: event });

    let fresh: boolean;
    try {
      fresh = await record({ id, event, payload: encodeTargets(targets), receivedAt: deps.now() });
    } catch (error) {
      // Not recorded, so not accepted: GitHub shows the failure and can redeliver.
      deps.logger.error({ err: error, delivery: id, event }, 'could not record a webhook delivery');
      return sendJson(res, 503, { error: 'store_unavailable' });
    }
    if (!fresh) return sendJson(res, 200, { duplicate: id });
    sendJson(res, 202, { accepted: id });
    // Deliveries (and Slack requests) already waiting get their answer first.
    const ready = deps.idle?.() ?? new Promise<void>((r) => setImmediate(r));
    void deps.lifecycle.track(
      ready
        .then(() => drainWebhookEvents(deps, setup))
        .catch((error: unknown) => deps.logger.error({ err: error }, 'webhook queue failed')),
    );
  };
}
