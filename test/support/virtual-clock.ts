/**
 * Simulated time for code that paces itself (the Notion limiter, Retry-After
 * waits): `sleep` advances the clock instead of waiting, but only once every
 * request sent so far has been answered, so a request is stamped with the
 * moment it was sent. Tests stay instant and exact.
 */
export class VirtualClock {
  t = 0;
  #inFlight = 0;
  #idle: Array<() => void> = [];
  readonly slept: number[] = [];

  now = (): number => this.t;

  sleep = async (ms: number): Promise<void> => {
    while (this.#inFlight > 0) await new Promise<void>((r) => this.#idle.push(r));
    this.slept.push(ms);
    this.t += ms;
  };

  /** Wraps fetch so the clock knows which requests are still out. */
  track(inner: typeof fetch): typeof fetch {
    return (async (input: string | URL | Request, init?: RequestInit) => {
      this.#inFlight += 1;
      try {
        const res = await inner(input, init);
        const body = await res.arrayBuffer();
        return new Response(res.status === 304 ? null : body, {
          status: res.status,
          headers: res.headers,
        });
      } finally {
        this.#inFlight -= 1;
        if (this.#inFlight === 0) for (const r of this.#idle.splice(0)) r();
      }
    }) as typeof fetch;
  }
}
