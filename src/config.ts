import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import cron from 'node-cron';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * The only reader of process.env and of the YAML file. Everything else gets a
 * `Config` passed in, so tests build configs from literal objects.
 */

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const timeZone = z
  .string()
  .refine(isTimeZone, { message: 'expected an IANA time zone such as Europe/Berlin' });
const cronExpr = z
  .string()
  .refine((c) => cron.validate(c), { message: 'expected a cron expression such as "0 9 * * 1-5"' });
const repoName = z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected owner/name');
const slackChannel = z
  .string()
  .regex(/^[CGD][A-Z0-9]+$/, 'expected a Slack channel id such as C0123ABCD');
const slackUser = z.string().regex(/^[UW][A-Z0-9]+$/, 'expected a Slack user id such as U0123ABCD');

const DEFAULT_QUERY = 'language:go is:issue is:open label:"help wanted"';

const radarSchema = z
  .object({
    query: z.string().min(1).default(DEFAULT_QUERY),
    minComments: z.number().int().nonnegative().default(5),
    minStars: z.number().int().nonnegative().default(500),
    excludeRepos: z.array(repoName).default([]),
    excludeLabels: z.array(z.string()).default([]),
    pageSize: z.number().int().min(1).max(10).default(5),
    cacheTtlMinutes: z.number().nonnegative().default(10),
    digest: z.object({ channel: slackChannel, cron: cronExpr }).strict().optional(),
  })
  .strict();

const proposalsSchema = z
  .object({
    channel: slackChannel.optional(),
    approvers: z.array(slackUser).default([]),
    githubLogin: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, 'expected a GitHub login')
      .optional(),
    hourlyRate: z.number().positive().default(90),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD')
      .default('USD'),
    signature: z.string().default(''),
    hook: z.string().default(''),
  })
  .strict();

const propertiesSchema = z
  .object({
    status: z.string().min(1).default('Status'),
    pr: z.string().min(1).default('PR'),
    reviewer: z.string().min(1).default('Reviewer'),
    date: z.string().min(1).default('Date'),
    qa: z.string().min(1).default('QA'),
    points: z.string().min(1).default('Story Points'),
    client: z.string().min(1).default('Client'),
    blocked: z.string().min(1).default('Blocked'),
  })
  .strict();

const statusMapSchema = z
  .object({
    draft: z.string().min(1).default('📝 Draft'),
    open: z.string().min(1).default('🔄 In Review'),
    merged: z.string().min(1).default('✅ Done'),
    closed: z.string().min(1).default('⛔ Closed'),
  })
  .strict();

const deliverySchema = z
  .object({
    repos: z.array(repoName).default([]),
    pollCron: cronExpr.default('*/15 * * * *'),
    notion: z
      .object({
        dataSourceId: z.string().min(1),
        timelineDataSourceId: z.string().min(1).optional(),
        properties: propertiesSchema.default(propertiesSchema.parse({})),
        statusMap: statusMapSchema.default(statusMapSchema.parse({})),
        people: z.record(z.string(), z.string()).default({}),
      })
      .strict(),
  })
  .strict();

const clientSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase id such as acme'),
    name: z.string().min(1),
    channel: slackChannel,
    notionClient: z.string().min(1),
    notionUrl: z.url().optional(),
    snapshot: z
      .object({
        cron: cronExpr.default('0 10 * * 3'),
        timezone: timeZone.optional(),
        graceHours: z.number().nonnegative().default(6),
      })
      .strict()
      .default({ cron: '0 10 * * 3', graceHours: 6 }),
  })
  .strict();

export const fileSchema = z
  .object({
    timezone: timeZone.default('UTC'),
    locale: z.enum(['en', 'zh-CN']).default('en'),
    radar: radarSchema.default(radarSchema.parse({})),
    proposals: proposalsSchema.default(proposalsSchema.parse({})),
    delivery: deliverySchema.optional(),
    clients: z
      .array(clientSchema)
      .default([])
      .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, {
        message: 'client ids must be unique',
      }),
  })
  .strict();

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
export type FileConfig = z.output<typeof fileSchema>;
export type ClientConfig = FileConfig['clients'][number];
export type DeliveryConfig = NonNullable<FileConfig['delivery']>;
export type Locale = FileConfig['locale'];

export interface Config extends FileConfig {
  env: Env;
  mode: 'socket' | 'http';
  configPath: string;
  /** Values that must never appear in logs or messages. */
  secrets: string[];
}

/** A configuration problem a user can fix; its message lists every problem. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[], secrets: string[] = []) {
    const scrub = (s: string) => secrets.reduce((acc, v) => acc.split(v).join('[redacted]'), s);
    const list = problems.map(scrub);
    super(
      `gigops cannot start: ${list.length} configuration problem(s)\n  - ${list.join('\n  - ')}`,
    );
    this.name = 'ConfigError';
    this.problems = list;
  }
}

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

function formatIssues(prefix: string, issues: z.core.$ZodIssue[]): string[] {
  return issues.map((i) => {
    const path = i.path.map(String).join('.');
    const where = prefix ? `${prefix}${path ? `: ${path}` : ''}` : path || '(root)';
    return `${where}: ${i.message}`;
  });
}

export interface LoadOptions {
  readFile?: (path: string) => string | undefined;
}

const defaultReadFile = (path: string) =>
  existsSync(path) ? readFileSync(path, 'utf8') : undefined;

/** Reads and validates env and the YAML file; throws one ConfigError naming every problem. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  { readFile = defaultReadFile }: LoadOptions = {},
): Config {
  const secrets = secretValues(env);
  const problems: string[] = [];

  const envResult = envSchema.safeParse(env);
  if (!envResult.success) problems.push(...formatIssues('', envResult.error.issues));
  if (!env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push(
      'SLACK_SIGNING_SECRET: required in HTTP mode: copy it from Basic Information → Signing Secret, or set SLACK_APP_TOKEN (xapp-…) for Socket Mode',
    );
  }

  const explicitPath = env.GIGOPS_CONFIG?.trim();
  const configPath = resolve(explicitPath || './gigops.yml');
  let raw: unknown = {};
  const text = readFile(configPath);
  if (text === undefined) {
    if (explicitPath) problems.push(`GIGOPS_CONFIG: no file at ${configPath}`);
  } else {
    try {
      raw = parseYaml(text) ?? {};
    } catch (error) {
      problems.push(`${configPath}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
    }
  }
  const fileResult = fileSchema.safeParse(raw);
  if (!fileResult.success) problems.push(...formatIssues('', fileResult.error.issues));

  if (problems.length > 0 || !envResult.success || !fileResult.success) {
    throw new ConfigError(problems, secrets);
  }
  const file = fileResult.data;
  return {
    ...file,
    radar: { ...file.radar, query: ensureIssueQualifier(file.radar.query) },
    env: envResult.data,
    mode: envResult.data.SLACK_APP_TOKEN ? 'socket' : 'http',
    configPath,
    secrets,
  };
}

/** GitHub rejects issue searches without is:issue or is:pull-request (since 2025). */
export function ensureIssueQualifier(query: string): string {
  return /\bis:(issue|pr|pull-request)\b/.test(query) ? query : `${query} is:issue`;
}

/** The time zone a client's snapshot runs in. */
export const clientTimeZone = (config: Pick<FileConfig, 'timezone'>, client: ClientConfig) =>
  client.snapshot.timezone ?? config.timezone;
