import type { Handler } from './server.ts';
import { sendJson } from './server.ts';

/**
 * Slack signs `v0:{timestamp}:{body}` and accepts a timestamp for 5 minutes, so
 * a captured request could be replayed within that window. Slack's own retries
 * carry a fresh timestamp and signature; an exact repeat of a signature is a
 * replay: 401, and nothing runs. Remembered per process for the window.
 *
 * Every accepted request is remembered for 5 minutes, so the memory per entry
 * is what a busy bot keeps: a signature is kept as the number its first 52
 * bits make (a chance collision among even 10⁵ remembered signatures is
 * ~10⁻¹¹), in one Set per fifth of the window, and a Set is dropped whole once
 * all of it is older than the window. About 30 bytes an entry instead of ~150
 * for the header string with its own expiry time in a Map.
 */
export function rejectReplays(
  handler: Handler,
  windowMs = 5 * 60_000,
  now = () => Date.now(),
): Handler {
  const periodMs = windowMs / 5;
  /** Accepted signatures by the period (floor(time / periodMs)) they were accepted in. */
  const periods = new Map<number, Set<number>>();
  const seen = (key: number) => {
    for (const keys of periods.values()) if (keys.has(key)) return true;
    return false;
  };
  return (req, res) => {
    const signature = req.headers['x-slack-signature'];
    if (typeof signature === 'string' && signature.length > 0) {
      const t = now();
      for (const period of periods.keys())
        if ((period + 1) * periodMs + windowMs <= t) periods.delete(period);
      const key = fingerprint(signature);
      if (!Number.isNaN(key) && seen(key)) {
        sendJson(res, 401, { error: 'replayed_request' });
        req.resume();
        return;
      }
      // Only requests that pass Bolt's verification are worth remembering.
      res.once('finish', () => {
        if (res.statusCode >= 400 || Number.isNaN(key)) return;
        const period = Math.floor(t / periodMs);
        let keys = periods.get(period);
        if (!keys) {
          keys = new Set();
          periods.set(period, keys);
        }
        keys.add(key);
      });
    }
    return handler(req, res);
  };
}

/**
 * `v0=` and 64 hex digits: the first 13 digits, a 52-bit integer a double
 * holds exactly. Not hex (a forgery Bolt refuses anyway): NaN, never stored.
 */
function fingerprint(signature: string): number {
  const hex = signature.slice(3, 16);
  return /^[0-9a-f]{13}$/i.test(hex) ? Number.parseInt(hex, 16) : Number.NaN;
}
