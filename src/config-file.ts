import cron from 'node-cron';
import { z } from 'zod';
import { LOCALES } from './i18n/locale.ts';

/** The YAML file's schema (`gigops.yml`, PRODUCT.md → Configuration); `config.ts` reads it. */

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
    /** One or two sentences about the freelancer, used in drafts. */
    about: z.string().default(''),
  })
  .strict();

const leadsSchema = z
  .object({
    channel: slackChannel,
    pollCron: cronExpr.default('*/10 * * * *'),
  })
  .strict();

/** `24h`, `90m`, `2d`, `0s`: a duration in seconds, minutes, hours or days, as milliseconds. */
const duration = z
  .string()
  .regex(/^\d+(\.\d+)?[smhd]$/, 'expected a duration such as 24h, 90m or 2d')
  .transform((d) => {
    const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[d.slice(-1) as 's'];
    return Number(d.slice(0, -1)) * unit;
  });

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
    /** Optional in Notion (client reports): who owns a blocker, and what it needs. */
    owner: z.string().min(1).default('Owner'),
    blockedReason: z.string().min(1).default('Blocked Reason'),
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
    /** Pull requests of these repositories may move only this client's items. */
    repos: z.array(repoName).default([]),
    /** Optional: the snapshot is also e-mailed (needs SMTP_URL). */
    email: z.array(z.email()).default([]),
    snapshot: z
      .object({
        cron: cronExpr.default('0 10 * * 3'),
        timezone: timeZone.optional(),
        graceHours: z.number().nonnegative().default(6),
        hold: z.boolean().default(false),
        previewBefore: duration.default(86_400_000),
        /** The week's PDF also as a reply in the Slack post's thread. */
        pdf: z.boolean().default(false),
        /** How long a report link (PUBLIC_URL/r/<token>) works. */
        linkExpiresAfter: duration.default(90 * 86_400_000),
      })
      .strict()
      .default({
        cron: '0 10 * * 3',
        graceHours: 6,
        hold: false,
        previewBefore: 86_400_000,
        pdf: false,
        linkExpiresAfter: 90 * 86_400_000,
      }),
  })
  .strict();

export const fileSchema = z
  .object({
    timezone: timeZone.default('UTC'),
    locale: z.enum(LOCALES).default('en'),
    /**
     * Who may run /gigs sync and /gigs snapshot, press Post now and dismiss.
     * Unset: proposals.approvers (see adminsOf).
     */
    admins: z.array(slackUser).optional(),
    radar: radarSchema.default(radarSchema.parse({})),
    proposals: proposalsSchema.default(proposalsSchema.parse({})),
    leads: leadsSchema.optional(),
    delivery: deliverySchema.optional(),
    clients: z
      .array(clientSchema)
      .default([])
      .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, {
        message: 'client ids must be unique',
      }),
  })
  .strict()
  // A held snapshot waits for an admin's Approve: someone must be able to press it.
  .superRefine((file, ctx) => {
    if ((file.admins ?? []).length > 0 || file.proposals.approvers.length > 0) return;
    file.clients.forEach((client, i) => {
      if (client.snapshot.hold)
        ctx.addIssue({
          code: 'custom',
          path: ['clients', i, 'snapshot', 'hold'],
          message:
            'a held snapshot goes out only when an admin presses Approve: list who may in `admins` (or `proposals.approvers`)',
        });
    });
  });

export type FileConfig = z.output<typeof fileSchema>;
export type ClientConfig = FileConfig['clients'][number];
export type DeliveryConfig = NonNullable<FileConfig['delivery']>;
export type { Locale } from './i18n/locale.ts';

/** GitHub rejects issue searches without is:issue or is:pull-request (since 2025). */
export function ensureIssueQualifier(query: string): string {
  return /\bis:(issue|pr|pull-request)\b/.test(query) ? query : `${query} is:issue`;
}

/** The time zone a client's snapshot runs in. */
export const clientTimeZone = (config: Pick<FileConfig, 'timezone'>, client: ClientConfig) =>
  client.snapshot.timezone ?? config.timezone;
