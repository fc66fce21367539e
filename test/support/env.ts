import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-bot-token-0123456789';

/** A minimal valid environment for HTTP mode, pointing Slack at a fake. */
export function testEnv(
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    GITHUB_API_URL: 'http://127.0.0.1:9/',
    NOTION_API_URL: 'http://127.0.0.1:9/',
    DATA_DIR: tempDir(),
    GIGOPS_CONFIG: undefined,
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...overrides,
  };
}

export function tempDir(prefix = 'gigops-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
