/**
 * Whether the store answers, for /healthz (PRODUCT.md: 503 `store_unavailable`).
 * One cheap probe (`store.ready()`: `SELECT 1`) at a time, its answer kept for
 * `ttlMs`, so a storm of health checks costs one query per interval; a probe
 * that has not answered within `timeoutMs` counts as down (a silent database
 * must not hang the health check).
 */
export class StoreProbe {
  #ready: (() => Promise<boolean>) | undefined;
  #last = { at: Number.NEGATIVE_INFINITY, ok: true };
  #inflight: Promise<boolean> | undefined;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  readonly #clock: () => number;

  constructor(options: { ttlMs?: number; timeoutMs?: number; clock?: () => number } = {}) {
    this.#ttlMs = options.ttlMs ?? 1_500;
    this.#timeoutMs = options.timeoutMs ?? 1_000;
    this.#clock = options.clock ?? (() => performance.now());
  }

  /** The store to probe, once it is open. */
  attach(ready: () => Promise<boolean>): void {
    this.#ready = ready;
  }

  async healthy(): Promise<boolean> {
    if (!this.#ready) return true;
    if (this.#clock() - this.#last.at < this.#ttlMs) return this.#last.ok;
    this.#inflight ??= this.#probe(this.#ready).finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  async #probe(ready: () => Promise<boolean>): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.#timeoutMs);
      timer.unref();
    });
    const ok = await Promise.race([ready().catch(() => false), timeout]);
    clearTimeout(timer);
    this.#last = { at: this.#clock(), ok };
    return ok;
  }
}
