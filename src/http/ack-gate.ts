/**
 * Acks first. Slack wants every request acknowledged within 3 s, GitHub every
 * delivery within 10 s, and a burst is acked fastest when no follow-up work
 * (store writes, ranking, rendering, Notion calls) runs while requests still
 * wait for their answer. The HTTP server counts requests not yet answered;
 * follow-up work waits for `idle()`.
 *
 * Waiters go one per turn of the event loop once no request is waiting and
 * arrivals have paused for `quietMs`: Node reads new requests between turns,
 * so when a burst arrives in several reads the gate closes again after one
 * waiter's work instead of all of them running ahead of the late arrivals.
 *
 * Holding is for bursts. A burst starts with a request after `restMs` without
 * any; for its first `burstMs` work may be held up to `burstMs`, after that
 * (steady load: requests keep coming) only `holdMs`, and then everything
 * held goes at once. Under steady load acks cannot get ahead for long anyway,
 * and held work only piles up: it survives young-generation collections, is
 * promoted, and the old generation (RSS) grows with it.
 */
export class AckGate {
  #pending = 0;
  #lastArrival = Number.NEGATIVE_INFINITY;
  /** When the current burst began: its first request after a rest. */
  #burstSince = Number.NEGATIVE_INFINITY;
  readonly #queue: Array<() => void> = [];
  /** Since when work has been held without the queue emptying. */
  #heldSince = 0;
  /** When the next check runs, and its timer (an immediate has none). */
  #checkAt: number | undefined;
  #timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  readonly #burstMs: number;
  readonly #holdMs: number;
  readonly #quietMs: number;
  readonly #restMs: number;

  constructor({ burstMs = 50, holdMs = 10, quietMs = 3, restMs = 100 } = {}) {
    this.#burstMs = burstMs;
    this.#holdMs = holdMs;
    this.#quietMs = quietMs;
    this.#restMs = restMs;
  }

  get pending(): number {
    return this.#pending;
  }

  /** A request arrived; `done` once its response is on its way. */
  begin(): () => void {
    this.#pending += 1;
    const now = performance.now();
    if (now - this.#lastArrival >= this.#restMs) this.#burstSince = now;
    this.#lastArrival = now;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#pending -= 1;
      if (this.#pending === 0 && this.#queue.length > 0) this.#schedule();
    };
  }

  /** Resolves on a later turn of the event loop once no request waits for its answer. */
  idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.#queue.length === 0) this.#heldSince = performance.now();
      this.#queue.push(resolve);
      this.#schedule();
    });
  }

  /** Checks again after `delayMs` (0: next turn), unless a check is due sooner. */
  #schedule(delayMs = 0): void {
    const at = performance.now() + Math.max(0, delayMs);
    if (this.#checkAt !== undefined && this.#checkAt <= at) return;
    if (this.#timer) {
      clearTimeout(this.#timer as NodeJS.Timeout);
      clearImmediate(this.#timer as NodeJS.Immediate);
    }
    this.#checkAt = at;
    const check = () => {
      this.#checkAt = undefined;
      this.#timer = undefined;
      this.#release();
    };
    this.#timer = delayMs > 0 ? setTimeout(check, delayMs) : setImmediate(check);
  }

  #release(): void {
    if (this.#queue.length === 0) return;
    const now = performance.now();
    const inBurst = now - this.#burstSince < this.#burstMs;
    const holdLeft = this.#heldSince + (inBurst ? this.#burstMs : this.#holdMs) - now;
    if (holdLeft <= 0) {
      for (const resolve of this.#queue.splice(0)) resolve();
      return;
    }
    const quietIn = this.#lastArrival + this.#quietMs - now;
    if (this.#pending > 0 || quietIn > 0) {
      // Requests are waiting or still arriving: check when the pause or the hold limit comes.
      this.#schedule(this.#pending > 0 ? holdLeft : Math.min(quietIn, holdLeft));
      return;
    }
    this.#queue.shift()!();
    if (this.#queue.length > 0) this.#schedule();
  }
}
