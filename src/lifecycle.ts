/**
 * Start-up and shutdown state, shared by /healthz and the SIGTERM handler:
 * 503 while starting or stopping, 200 while ready; in-flight work is tracked
 * so shutdown can finish it before the store closes.
 */
export type Phase = 'starting' | 'ready' | 'stopping' | 'stopped';

export class Lifecycle {
  phase: Phase = 'starting';
  readonly #inFlight = new Set<Promise<unknown>>();

  get accepting(): boolean {
    return this.phase === 'ready' || this.phase === 'starting';
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Keeps a promise in the drain set until it settles; errors stay the caller's. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#inFlight.add(work);
    const done = () => this.#inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  /** Waits for in-flight work (and work it starts) to settle, up to timeoutMs. */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.#inFlight.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.#inFlight]),
        new Promise((r) => {
          timer = setTimeout(r, left);
        }),
      ]);
      clearTimeout(timer);
    }
    return true;
  }
}
