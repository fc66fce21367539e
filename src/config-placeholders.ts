/**
 * The values gigops.example.yml and .env.example (and the README's samples)
 * hold in place of the user's own. A file copied as is passes the schema, so
 * they are recognised by value: each found names its key and what to put
 * there. test/config-placeholders.test.ts walks the example files and fails
 * when one of their values is neither here nor a deliberate real default.
 */

const CHANNEL =
  "put your channel's id (right-click the channel → Copy link: the id is the last part, C…)";
const CLIENT_CHANNEL =
  "put your client's channel id (right-click the channel → Copy link: the id is the last part, C…)";
const USERS = 'put real Slack user ids (a profile → ⋮ → Copy member ID: U…)';
const DATA_SOURCE =
  "put your delivery database's data source id (in Notion: the database's ••• → Manage data sources → ••• → Copy data source ID)";

/** Example value → what to put instead. */
const FILE_PLACEHOLDERS: ReadonlyMap<string, string> = new Map([
  ['C0DIGEST', CHANNEL],
  ['C0PROPOSALS', CHANNEL],
  ['C0LEADS', CHANNEL],
  ['C0ACME', CLIENT_CHANNEL],
  ['U0APPROVER', USERS],
  ['U0FREELANCER', USERS],
  ['my-handle', 'put your GitHub login'],
  ['acme/api', "put your client's repositories as owner/name"],
  ['00000000-0000-0000-0000-000000000000', DATA_SOURCE],
  ['…', DATA_SOURCE],
  ['Jane — Go engineer', 'put the sign-off your drafts should end with'],
  ['ACME Corp', "put your client's name, as their snapshot should show it"],
  ['cto@acme.example', "put your client's address, or remove `email`"],
  ['https://www.notion.so/…', "put the link of your client's Notion page, or remove `notionUrl`"],
]);

/** Environment variable → the example values that stand in for it, and what to put instead. */
const ENV_PLACEHOLDERS: Readonly<Record<string, { values: string[]; fix: string }>> = {
  SLACK_BOT_TOKEN: {
    values: ['xoxb-', 'xoxb-…', 'xoxb-...'],
    fix: 'paste the Bot User OAuth Token (xoxb-…) from your Slack app’s OAuth & Permissions page',
  },
  SLACK_APP_TOKEN: {
    values: ['xapp-', 'xapp-…', 'xapp-...'],
    fix: 'paste an app-level token with connections:write (Basic Information → App-Level Tokens), or leave it empty for HTTP mode',
  },
  SMTP_URL: {
    values: ['smtps://user:password@smtp.example.com:465'],
    fix: 'put your mail provider’s SMTP server, user and password, or leave it unset to send no e-mail',
  },
  EMAIL_FROM: {
    values: ['Jane Doe <reports@example.com>'],
    fix: 'put the sender your clients should see, on a domain your SMTP server may send for',
  },
  PUBLIC_URL: {
    values: ['https://gigops.example.com'],
    fix: 'put the URL at which the bot’s HTTP port is reachable from the internet, or leave it unset for no report links',
  },
};

export interface Placeholder {
  /** Where it is: a dotted YAML path (`clients.0.channel`) or an environment variable. */
  path: string;
  value: string;
  fix: string;
}

/** One line: which key, which example value, what to put there. */
export const describePlaceholder = (p: Placeholder): string =>
  `${p.path} is still the example's ${p.value}: ${p.fix}`;

/** Every example value left in a configuration tree (parsed YAML or the loaded file config). */
export function findPlaceholders(value: unknown, path = ''): Placeholder[] {
  if (typeof value === 'string') {
    const fix = FILE_PLACEHOLDERS.get(value.trim());
    return fix ? [{ path: path || '(root)', value: value.trim(), fix }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    findPlaceholders(v, path ? `${path}.${key}` : key),
  );
}

/** The environment's example values (.env.example copied as is). */
export function findEnvPlaceholders(env: Record<string, string | undefined>): Placeholder[] {
  return Object.entries(ENV_PLACEHOLDERS).flatMap(([name, { values, fix }]) => {
    const value = env[name]?.trim();
    return value && values.includes(value) ? [{ path: name, value, fix }] : [];
  });
}

/** True for a value that only stands in for a secret: it is no secret to hide. */
export const isEnvPlaceholder = (value: string): boolean =>
  Object.values(ENV_PLACEHOLDERS).some((p) => p.values.includes(value.trim()));
