import { z } from 'zod';

/** The environment's schema (PRODUCT.md → Environment) and its secrets; `config.ts` reads it. */

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const url = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? fallback : v.trim()))
    .pipe(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }));

export const envSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({
      error: 'required: the bot token (xoxb-…) from your Slack app’s OAuth & Permissions page',
    })
    .startsWith('xoxb-', 'expected a bot token starting with xoxb-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith('xapp-', 'expected an app-level token starting with xapp-').optional(),
  ),
  SLACK_API_URL: url('https://slack.com/api/'),
  GITHUB_TOKEN: optionalText,
  GITHUB_API_URL: url('https://api.github.com'),
  GITHUB_WEBHOOK_SECRET: optionalText,
  NOTION_TOKEN: optionalText,
  NOTION_API_URL: url('https://api.notion.com'),
  LLM_BASE_URL: optionalText.pipe(z.url({ error: 'expected an http(s) URL' }).optional()),
  LLM_API_KEY: optionalText,
  LLM_MODEL: optionalText,
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL')
      .optional(),
  ),
  DATA_DIR: optionalText.transform((v) => v ?? './data'),
  GIGOPS_CONFIG: optionalText,
  PORT: optionalText
    .transform((v) => v ?? '3000')
    .pipe(z.string().regex(/^\d+$/, 'expected a port number').transform(Number))
    .pipe(z.number().int().min(0).max(65535)),
  LOG_LEVEL: optionalText
    .transform((v) => v ?? 'info')
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
});

export type Env = z.output<typeof envSchema>;

const SECRET_VARS = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'GITHUB_TOKEN',
  'GITHUB_WEBHOOK_SECRET',
  'NOTION_TOKEN',
  'LLM_API_KEY',
  'DATABASE_URL',
] as const;

export function secretValues(env: Record<string, string | undefined>): string[] {
  return SECRET_VARS.map((k) => env[k]?.trim()).filter((v): v is string => !!v && v.length >= 4);
}
