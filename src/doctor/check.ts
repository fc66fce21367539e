import { classifyFailure, type ServiceNames } from '../clients/network-failure.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { slackErrorCode } from '../slack/post-once.ts';

/** One line of `gigops doctor`'s checklist. */
export interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  fix?: string;
}

export interface CheckContext {
  config: Config;
  logger: Logger;
  fetch?: typeof fetch;
}

const errorText = (e: unknown) => slackErrorCode(e) ?? (e as Error).message;
export const statusOf = (e: unknown) => (e as { status?: number }).status;

/**
 * A failed call as a check, read by the one classifier every path uses
 * (src/clients/network-failure.ts): rejected credentials, a server error with
 * its status, a rate limit, or unreachable (DNS, refused, timeout).
 */
export function failureCheck(
  name: string,
  error: unknown,
  o: ServiceNames & { rejectedDetail?: string; rejectedFix: string },
): Check {
  const f = classifyFailure(error);
  switch (f.kind) {
    case 'credentials':
      return {
        name,
        status: 'fail',
        detail: `${o.tokenVar} was rejected (${o.rejectedDetail ?? f.detail})`,
        fix: o.rejectedFix,
      };
    case 'server':
      return {
        name,
        status: 'fail',
        detail: `server error (HTTP ${f.status})`,
        fix: `it is on ${o.service}'s side: run doctor again in a few minutes`,
      };
    case 'rate_limit':
      return {
        name,
        status: 'fail',
        detail: `rate limited${f.resetAt ? ` until ${f.resetAt.toISOString()}` : ''}`,
        fix: 'wait for the reset',
      };
    default:
      return {
        name,
        status: 'fail',
        detail: `unreachable: ${f.kind === 'unreachable' ? f.detail : errorText(error)}`,
        fix: `check ${o.urlVar} (${o.url}) and the network`,
      };
  }
}
