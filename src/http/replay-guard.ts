import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidSlackRequest } from '@slack/bolt';
import type { Handler } from './server.ts';
import { MAX_BODY_BYTES, sendJson } from './server.ts';

/** Slack accepts a request timestamp within 5 minutes of now; so do we, in both directions. */
export const SLACK_WINDOW_MS = 5 * 60_000;

export interface SlackGuardOptions {
  signingSecret: string;
  /**
   * Records a verified signature; false when it was seen before (store-backed,
   * so restarts and replicas share it: Store.meta.claimSlackSignature).
   */
  claim: (signature: string, requestTs: number, forgetBeforeSec: number) => Promise<boolean>;
  now?: () => number;
  windowMs?: number;
  maxBodyBytes?: number;
}

/**
 * In front of Bolt's receiver on POST /slack/events, and its only check of
 * the signature (the receiver is built with signatureVerification: false, so
 * each request is hashed once). Slack signs `v0:{timestamp}:{body}`. Here: a
 * timestamp more than 5 minutes off either way is 401 and nothing runs (Bolt
 * refused only old ones); a request not correctly signed is 401 and records
 * nothing, so forgeries cannot fill the table; a correctly signed one is
 * recorded in the store before it runs, and one recorded before (a replay,
 * here, after a restart or on another replica) is 401. Slack's own retries
 * carry a fresh timestamp and signature. Only Slack's unsigned `ssl_check`
 * goes on unsigned (Bolt answers it and runs nothing).
 */
export function guardSlackRequests(handler: Handler, options: SlackGuardOptions): Handler {
  const {
    signingSecret,
    claim,
    now = () => Date.now(),
    windowMs = SLACK_WINDOW_MS,
    maxBodyBytes = MAX_BODY_BYTES,
  } = options;
  return async (req, res) => {
    const signature = req.headers['x-slack-signature'];
    if (typeof signature !== 'string' || signature === '') {
      const body = await readBody(req, maxBodyBytes);
      if (body === undefined || !isSslCheck(req, body)) return refuse(res, 'invalid_signature');
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
      return handler(req, res);
    }
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    const nowMs = now();
    if (!Number.isFinite(timestamp) || Math.abs(nowMs - timestamp * 1000) > windowMs) {
      res.setHeader('connection', 'close');
      sendJson(res, 401, { error: 'stale_or_future_timestamp' });
      req.resume();
      return;
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === undefined) {
      res.setHeader('connection', 'close');
      sendJson(res, 413, { error: 'payload_too_large', limit: maxBodyBytes });
      return;
    }
    // Bolt reads a body already read from `rawBody` (HTTPModuleFunctions.bufferIncomingMessage).
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    const valid = isValidSlackRequest({
      signingSecret,
      body: body.toString(),
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      nowMilliseconds: nowMs,
    });
    if (!valid) return refuse(res, 'invalid_signature');
    let fresh: boolean;
    try {
      fresh = await claim(signature, timestamp, Math.floor((nowMs - windowMs) / 1000));
    } catch {
      // Slack retries a 5xx with a fresh signature; nothing ran.
      sendJson(res, 503, { error: 'store_unavailable' });
      return;
    }
    if (!fresh) {
      sendJson(res, 401, { error: 'replayed_request' });
      return;
    }
    return handler(req, res);
  };
}

function refuse(res: ServerResponse, error: string): void {
  res.setHeader('connection', 'close');
  sendJson(res, 401, { error });
}

/** Slack's SSL check: form-encoded, `ssl_check=1`, unsigned by design. */
const isSslCheck = (req: IncomingMessage, body: Buffer) =>
  String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') &&
  new URLSearchParams(body.toString()).get('ssl_check') === '1';

/** The whole body, or undefined past `limit` bytes (the rest is drained). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
