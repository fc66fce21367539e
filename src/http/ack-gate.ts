/**
 * Acks first. Slack wants every request acknowledged within 3 s, GitHub every
 * delivery within 10 s, and a burst is acked fastest when no follow-up work
 * (store writes, ranking, rendering, Notion calls) runs while requests still
 * wait for their answer. The HTTP server counts requests not yet answered;
 * follow-up work waits for `idle()`.
 *
 * Waiters go one per turn of the event loop: Node reads new requests between
 * turns, so when a burst arrives in several reads the gate closes again after
 * one waiter's work, instead of all of them running ahead of the late
 * arrivals. Each waits at most `maxWaitMs`, so a steady stream cannot starve it.
 */
export class AckGate {
  #pending = 0;
  #lastArrival = Number.NEGATIVE_INFINITY;
  readonly #queue: Array<{ release: () => void; released: boolean }> = [];
  #scheduled = false;
  readonly #maxWaitMs: number;
  readonly #quietMs: number;

  constructor(maxWaitMs = 250, quietMs = 3) {
    this.#maxWaitMs = maxWaitMs;
    this.#quietMs = quietMs;
  }

  get pending(): number {
    return this.#pending;
  }

  /** A request arrived; `done` once its response is on its way. */
  begin(): () => void {
    this.#pending += 1;
    this.#lastArrival = performance.now();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#pending -= 1;
      if (this.#pending === 0) this.#schedule();
    };
  }

  /** Resolves on a later turn of the event loop once no request waits for its answer. */
  idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const entry = {
        released: false,
        release: () => {
          if (entry.released) return;
          entry.released = true;
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(entry.release, this.#maxWaitMs);
      this.#queue.push(entry);
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      // Requests came in since: the last `done` schedules the next release.
      if (this.#pending > 0) return;
      // The rest of a burst may still be on its way: wait until arrivals pause.
      const quietIn = this.#lastArrival + this.#quietMs - performance.now();
      if (quietIn > 0) {
        this.#scheduled = true;
        setTimeout(() => {
          this.#scheduled = false;
          this.#schedule();
        }, quietIn);
        return;
      }
      let next = this.#queue.shift();
      while (next?.released) next = this.#queue.shift();
      next?.release();
      if (this.#queue.length > 0) this.#schedule();
    });
  }
}
