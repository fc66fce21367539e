/**
 * Notion allows an average of 3 requests/second per integration. This fetch
 * wrapper keeps every request of one client under that with a token bucket,
 * and answers 429 by waiting `Retry-After` (and holding back every other
 * request meanwhile) before trying again; reads that hit a server error are
 * retried twice with back-off. It is the Notion client's only retry policy:
 * the SDK's own retries are turned off.
 */
export interface NotionRateLimitOptions {
  requestsPerSecond?: number;
  /** Requests allowed back to back before pacing starts. */
  burst?: number;
  /** 429 answers retried per request before the error reaches the caller. */
  maxRetries?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onRateLimited?: (retryAfterMs: number, attempt: number) => void;
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

const SERVER_ERRORS = new Set([500, 502, 503, 504]);

export const realSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

export function rateLimitedFetch(inner: Fetch, options: NotionRateLimitOptions = {}): Fetch {
  const rate = options.requestsPerSecond ?? 3;
  const burst = options.burst ?? 3;
  const maxRetries = options.maxRetries ?? 5;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  let tokens = burst;
  let refilledAt = now();
  let queue: Promise<void> = Promise.resolve();

  const refill = () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - refilledAt) * rate) / 1000);
    refilledAt = t;
  };
  // Callers take tokens one at a time, in arrival order.
  const take = () => {
    const turn = queue.then(async () => {
      refill();
      if (tokens < 1) {
        await sleep(Math.ceil(((1 - tokens) * 1000) / rate));
        refill();
      }
      tokens -= 1;
    });
    queue = turn.catch(() => {});
    return turn;
  };
  // After a 429 the bucket is emptied, so the wait applies to everyone.
  const holdBack = (ms: number) => {
    const turn = queue.then(async () => {
      await sleep(ms);
      tokens = 0;
      refilledAt = now();
    });
    queue = turn.catch(() => {});
    return turn;
  };

  return async (url, init) => {
    // Queries are POSTs but read only.
    const safe = (init?.method ?? 'GET').toUpperCase() === 'GET' || /\/query(\?|$)/.test(url);
    for (let attempt = 0; ; attempt += 1) {
      await take();
      const res = await inner(url, init);
      // Reads are retried on a server error too (writes are not: they may have landed).
      if (safe && SERVER_ERRORS.has(res.status) && attempt < 2) {
        await res.body?.cancel();
        await sleep(500 * 2 ** attempt);
        continue;
      }
      if (res.status !== 429 || attempt >= maxRetries) return res;
      const waitMs = retryAfterMs(res.headers.get('retry-after'));
      await res.body?.cancel();
      options.onRateLimited?.(waitMs, attempt + 1);
      await holdBack(waitMs);
    }
  };
}

/** Retry-After in seconds (Notion's form) or an HTTP date; 1 s when absent. */
export function retryAfterMs(header: string | null, nowMs = Date.now()): number {
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1000 : Math.max(0, at - nowMs);
}
