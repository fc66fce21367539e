/**
 * Last success and last error of each integration, for the App Home. Fed by
 * `healthFetch` around each client's fetch and by services that see
 * API-level errors (Slack answers `ok: false` with HTTP 200); `email` by the
 * snapshot e-mails' SMTP sends.
 */
export type Integration = 'slack' | 'github' | 'notion' | 'email';

export interface IntegrationStatus {
  lastSuccess: Date | undefined;
  lastError: { at: Date; message: string } | undefined;
}

export class IntegrationHealth {
  readonly #status = new Map<Integration, IntegrationStatus>();
  readonly #now: () => Date;

  constructor(now: () => Date = () => new Date()) {
    this.#now = now;
  }

  ok(service: Integration): void {
    this.#get(service).lastSuccess = this.#now();
  }

  error(service: Integration, message: string): void {
    this.#get(service).lastError = { at: this.#now(), message: message.slice(0, 200) };
  }

  status(service: Integration): IntegrationStatus {
    return { ...this.#get(service) };
  }

  #get(service: Integration): IntegrationStatus {
    let s = this.#status.get(service);
    if (!s) {
      s = { lastSuccess: undefined, lastError: undefined };
      this.#status.set(service, s);
    }
    return s;
  }
}

/** A fetch that reports each answer to the health record: 2xx/3xx ok, else an error. */
export function healthFetch(
  health: IntegrationHealth,
  service: Integration,
  base: typeof fetch = globalThis.fetch,
): typeof fetch {
  return async (input, init) => {
    try {
      const res = await base(input, init);
      if (res.status < 400) health.ok(service);
      else health.error(service, `HTTP ${res.status}`);
      return res;
    } catch (error) {
      health.error(service, (error as Error).message);
      throw error;
    }
  };
}
