import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of a report link, `GET /r/<token>` (PRODUCT.md): it names one
 * client and one week and when it stops working, signed with REPORT_SECRET
 * (HMAC-SHA256). `<payload>.<signature>`, both base64url, the payload being
 * `v1.<clientId>.<week>.<expiry in epoch seconds>`; nothing in it is secret,
 * only unforgeable. No store is needed to check one, so every replica can.
 */
export interface ReportLink {
  clientId: string;
  /** ISO week key, `2026-W48`. */
  week: string;
}

export const REPORT_LINK_DAYS = 90;
const DAY_MS = 86_400_000;
const VERSION = 'v1';
const CLIENT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const WEEK = /^\d{4}-W\d{2}$/;
const TOKEN = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{43})$/;

/** When a link made at `from` stops working: `days` later (default 90). */
export const reportLinkExpiry = (from: Date, days = REPORT_LINK_DAYS): Date =>
  new Date(from.getTime() + days * DAY_MS);

/** Domain-separated, so no other HMAC gigops might make with the same key can pass for a token. */
const sign = (secret: string, payload: string): Buffer =>
  createHmac('sha256', secret).update(`gigops-report-link.${payload}`).digest();

export function signReportToken(secret: string, link: ReportLink & { expiresAt: Date }): string {
  if (!CLIENT_ID.test(link.clientId)) throw new Error(`not a client id: ${link.clientId}`);
  if (!WEEK.test(link.week)) throw new Error(`not an ISO week key: ${link.week}`);
  const expiry = Math.floor(link.expiresAt.getTime() / 1000);
  if (!Number.isSafeInteger(expiry) || expiry <= 0) throw new Error('expiresAt is not a time');
  const payload = Buffer.from(`${VERSION}.${link.clientId}.${link.week}.${expiry}`).toString(
    'base64url',
  );
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

/**
 * The client and week a token names, when it is well formed, signed with
 * this secret, not expired at `now`, and (when `expected` is given) for that
 * client. Anything else is undefined: the caller answers 404 without saying
 * which it was.
 */
export function verifyReportToken(
  secret: string,
  token: string,
  now: Date,
  expected: Partial<ReportLink> = {},
): ReportLink | undefined {
  const parts = TOKEN.exec(token);
  if (!parts) return undefined;
  const [, payload, signature] = parts as unknown as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  // Only the canonical spelling: a second string for the same bytes is a tampered token too.
  if (given.length !== 32 || given.toString('base64url') !== signature) return undefined;
  if (!timingSafeEqual(given, sign(secret, payload))) return undefined;
  const fields = Buffer.from(payload, 'base64url').toString('utf8').split('.');
  if (fields.length !== 4) return undefined;
  const [version, clientId, week, expiry] = fields as [string, string, string, string];
  if (version !== VERSION || !CLIENT_ID.test(clientId) || !WEEK.test(week)) return undefined;
  if (!/^\d{1,12}$/.test(expiry) || Number(expiry) * 1000 <= now.getTime()) return undefined;
  if (expected.clientId !== undefined && expected.clientId !== clientId) return undefined;
  if (expected.week !== undefined && expected.week !== week) return undefined;
  return { clientId, week };
}
