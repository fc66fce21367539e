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
  // Client reports (issue 23): e-mailed snapshots and signed report links.
  SMTP_URL: optionalText.pipe(
    z
      .url({
        protocol: /^smtps?$/,
        error: 'expected smtp://user:password@host:port (or smtps:// for TLS from the start)',
      })
      .optional(),
  ),
  EMAIL_FROM: optionalText.pipe(
    z
      .string()
      .refine(
        (v) => z.email().safeParse(/<([^<>]+)>\s*$/.exec(v)?.[1] ?? v).success,
        'expected a sender such as reports@example.com or "Jane Doe <reports@example.com>"',
      )
      .optional(),
  ),
  PUBLIC_URL: optionalText.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: 'expected the bot’s public base URL, such as https://gigops.example.com',
      })
      .optional(),
  ),
  REPORT_SECRET: optionalText.pipe(
    z
      .string()
      .min(32, 'expected at least 32 characters: make one with `openssl rand -base64 32`')
      .optional(),
  ),
});

/** Variables that need another one (PRODUCT.md → Environment): one problem line each. */
export function envDependencies(env: Record<string, string | undefined>): string[] {
  const set = (name: string) => !!env[name]?.trim();
  const problems: string[] = [];
  if (set('SMTP_URL') && !set('EMAIL_FROM'))
    problems.push(
      'EMAIL_FROM: required with SMTP_URL: the sender of e-mailed snapshots, such as reports@example.com',
    );
  if (set('PUBLIC_URL') && !set('REPORT_SECRET'))
    problems.push(
      'REPORT_SECRET: required with PUBLIC_URL: a random key of at least 32 characters that signs report links (`openssl rand -base64 32`)',
    );
  return problems;
}

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
  'SMTP_URL',
  'REPORT_SECRET',
] as const;

/** The password inside SMTP_URL, alone, as an SMTP error or a log line could show it. */
function smtpPassword(url: string | undefined): string | undefined {
  try {
    return url ? decodeURIComponent(new URL(url.trim()).password) : undefined;
  } catch {
    return undefined;
  }
}

export function secretValues(env: Record<string, string | undefined>): string[] {
  return [...SECRET_VARS.map((k) => env[k]?.trim()), smtpPassword(env.SMTP_URL)].filter(
    (v): v is string => !!v && v.length >= 4,
  );
}
