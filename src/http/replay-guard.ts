import type { Handler } from './server.ts';
import { sendJson } from './server.ts';

/**
 * Slack signs `v0:{timestamp}:{body}` and accepts a timestamp for 5 minutes, so
 * a captured request could be replayed within that window. Slack's own retries
 * carry a fresh timestamp and signature; an exact repeat of a signature is a
 * replay: 401, and nothing runs. Remembered per process for the window.
 */
export function rejectReplays(
  handler: Handler,
  windowMs = 5 * 60_000,
  now = () => Date.now(),
): Handler {
  const seen = new Map<string, number>();
  return (req, res) => {
    const signature = req.headers['x-slack-signature'];
    if (typeof signature === 'string' && signature.length > 0) {
      const t = now();
      for (const [sig, expires] of seen) {
        if (expires > t) break;
        seen.delete(sig);
      }
      if (seen.has(signature)) {
        sendJson(res, 401, { error: 'replayed_request' });
        req.resume();
        return;
      }
      // Only requests that pass Bolt's verification are worth remembering.
      res.once('finish', () => {
        if (res.statusCode < 400) seen.set(signature, t + windowMs);
      });
    }
    return handler(req, res);
  };
}
