/**
 * One reading of a failed call to GitHub, Slack or Notion, whichever client
 * made it (Octokit wraps a DNS failure as "HTTP 500", Slack's WebClient as a
 * request error, fetch as `TypeError: fetch failed` with the reason in
 * `cause`): unreachable, a server error with its status, a rate limit with
 * its reset, or rejected credentials. Every path that reports a failure (the
 * terminal radar, start-up, doctor, /gigs sync and snapshots) says the same.
 */
export type FailureKind = 'unreachable' | 'server' | 'rate_limit' | 'credentials' | 'other';

export interface Failure {
  kind: FailureKind;
  /** HTTP status when there was an answer. */
  status?: number;
  /** What went wrong, as the system said it (`getaddrinfo ENOTFOUND api.github.com`, `invalid_auth`). */
  detail: string;
  /** When a rate limit resets, when known. */
  resetAt?: Date;
}

const UNREACHABLE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  // @notionhq/client's own deadline.
  'notionhq_client_request_timeout',
]);

/** Slack's and Notion's words for a token they refuse. */
const CREDENTIAL_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'unauthorized',
  'restricted_resource',
]);

interface ErrorLike {
  code?: unknown;
  errno?: unknown;
  name?: unknown;
  message?: unknown;
  status?: unknown;
  statusCode?: unknown;
  cause?: unknown;
  original?: unknown;
  data?: { error?: unknown };
  response?: { status?: unknown; headers?: Record<string, unknown> };
  headers?: Record<string, unknown>;
  retryAfter?: unknown;
}

/** The error and what it wraps (cause, Slack's `original`), outermost first. */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e: unknown = error;
  while (e && typeof e === 'object' && out.length < 6 && !out.includes(e as ErrorLike)) {
    out.push(e as ErrorLike);
    e = (e as ErrorLike).cause ?? (e as ErrorLike).original;
  }
  return out;
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function classifyFailure(error: unknown, now = new Date()): Failure {
  const links = chain(error);
  // Unreachable first: Octokit calls a DNS failure "500", so the cause decides.
  for (const e of links) {
    const code = text(e.code);
    const message = text(e.message) ?? '';
    if (
      (code && UNREACHABLE_CODES.has(code)) ||
      e.name === 'AbortError' ||
      e.name === 'TimeoutError' ||
      /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH)\b/.test(message) ||
      // fetch's own words for "no answer came", whatever the reason in its cause
      // (a code above, or one without a code: "bad port", a TLS failure).
      (e.name === 'TypeError' && message === 'fetch failed' && e.cause !== undefined)
    ) {
      const deepest = [...links].reverse().find((l) => text(l.message));
      return { kind: 'unreachable', detail: text(deepest?.message) ?? code ?? 'no answer' };
    }
  }
  const first = links[0] ?? {};
  const platform = text(first.data?.error);
  const notionCode = text(first.code);
  const status = [first.status, first.statusCode, first.response?.status].find(
    (s): s is number => typeof s === 'number',
  );
  const headers = { ...(first.headers ?? {}), ...(first.response?.headers ?? {}) } as Record<
    string,
    unknown
  >;
  if (
    status === 429 ||
    first.code === 'slack_webapi_rate_limited_error' ||
    notionCode === 'rate_limited' ||
    (status === 403 && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after']))
  ) {
    const after = Number(first.retryAfter ?? headers['retry-after']);
    const reset = Number(headers['x-ratelimit-reset']);
    const resetAt = Number.isFinite(after)
      ? new Date(now.getTime() + after * 1000)
      : Number.isFinite(reset)
        ? new Date(reset * 1000)
        : undefined;
    return {
      kind: 'rate_limit',
      ...(status ? { status } : {}),
      detail: 'rate limited',
      ...(resetAt ? { resetAt } : {}),
    };
  }
  if (
    status === 401 ||
    (platform && CREDENTIAL_ERRORS.has(platform)) ||
    (notionCode && CREDENTIAL_ERRORS.has(notionCode))
  ) {
    return {
      kind: 'credentials',
      ...(status ? { status } : {}),
      detail: platform ?? notionCode ?? `HTTP ${status}`,
    };
  }
  if (status !== undefined && status >= 500)
    return { kind: 'server', status, detail: `HTTP ${status}` };
  return {
    kind: 'other',
    ...(status ? { status } : {}),
    detail: platform ?? text(first.message) ?? String(error),
  };
}

export interface ServiceNames {
  /** GitHub, Slack, Notion. */
  service: string;
  /** The variable holding its address, and the address when known. */
  urlVar: string;
  url?: string;
  /** The variable holding its token. */
  tokenVar: string;
}

/** The one line every path prints for a failure. */
export function describeFailure(f: Failure, names: ServiceNames, timeZone = 'UTC'): string {
  const { service, urlVar, url, tokenVar } = names;
  switch (f.kind) {
    case 'unreachable':
      return `${service} is unreachable (${f.detail}): check ${urlVar}${url ? ` (${url})` : ''} and the network.`;
    case 'server':
      return `${service} answered with a server error (HTTP ${f.status}); it is on their side: try again in a few minutes.`;
    case 'rate_limit':
      return `${service}'s rate limit is reached${f.resetAt ? `; it resets at ${f.resetAt.toLocaleTimeString('en-GB', { timeZone, timeZoneName: 'short' })}` : ''}.`;
    case 'credentials':
      return `${service} rejected ${tokenVar} (${f.detail}): set it to a valid token.`;
    default:
      return `${service} failed: ${f.detail}.`;
  }
}
