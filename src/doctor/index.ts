import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Check } from './check.ts';
import { checkConfig } from './config-check.ts';
import { checkGitHub } from './github-check.ts';
import { checkNotion } from './notion-check.ts';
import { checkSlack } from './slack-check.ts';
import { checkSchedules, checkStore } from './store-check.ts';

export type { Check } from './check.ts';

/** `gigops doctor`: every integration checked with the configured credentials. */
export async function runDoctor(
  config: Config,
  logger: Logger,
  fetchImpl?: typeof fetch,
): Promise<Check[]> {
  const ctx = { config, logger, ...(fetchImpl ? { fetch: fetchImpl } : {}) };
  const checks = await Promise.all([
    checkSlack(ctx),
    checkGitHub(ctx),
    checkNotion(ctx),
    checkStore(ctx),
  ]);
  return [...checkConfig(config), ...checks, ...(await checkSchedules(ctx))];
}

const MARK = { ok: '✓', warn: '!', fail: '✗' } as const;

/** A checklist for a terminal: one line a check, its fix indented below. */
export function formatChecklist(checks: Check[]): string {
  const lines = checks.flatMap((c) => [
    `${MARK[c.status]} ${c.name}: ${c.detail}`,
    ...(c.fix && c.status !== 'ok' ? [`    → ${c.fix}`] : []),
  ]);
  const failed = checks.filter((c) => c.status === 'fail').length;
  lines.push('', failed === 0 ? 'All checks passed.' : `${failed} check(s) failed.`);
  return `${lines.join('\n')}\n`;
}
