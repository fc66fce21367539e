/**
 * Acks first. Slack wants every request acknowledged within 3 s, and a burst
 * of requests is acked fastest when no listener's follow-up work (store
 * writes, ranking, rendering) runs while others still wait for their ack.
 * The HTTP route counts requests not yet answered; a listener that has acked
 * waits for `idle()` before its follow-up work, at most `maxWaitMs` so a
 * steady stream of requests cannot starve it.
 */
export class AckGate {
  #pending = 0;
  #waiters: Array<() => void> = [];
  readonly #maxWaitMs: number;

  constructor(maxWaitMs = 250) {
    this.#maxWaitMs = maxWaitMs;
  }

  get pending(): number {
    return this.#pending;
  }

  /** A request arrived; `done` once its response is on its way. */
  begin(): () => void {
    this.#pending += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#pending -= 1;
      if (this.#pending === 0) for (const wake of this.#waiters.splice(0)) wake();
    };
  }

  /** Resolves on a later turn of the event loop once no request waits for its answer. */
  async idle(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.#pending === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.#maxWaitMs);
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
