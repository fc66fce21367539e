import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runGigs } from '../src/cli-gigs.ts';
import { ConfigError, configPlaceholders, loadConfig } from '../src/config.ts';
import { findEnvPlaceholders, findPlaceholders } from '../src/config-placeholders.ts';
import { checkConfig } from '../src/doctor/config-check.ts';
import { formatChecklist } from '../src/doctor/index.ts';
import { type BotProcess, startBotProcess } from './support/bot-process.ts';
import { BOT_TOKEN, SIGNING_SECRET, tempDir, testEnv } from './support/env.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { radarIssues } from './support/radar.ts';

/**
 * gigops.example.yml and .env.example copied as is: their stand-in values
 * (C0DIGEST, U0APPROVER, acme/api, xoxb-…) pass the schema, so doctor and
 * start must name each one, its key, and what to put there.
 */
const EXAMPLE_PATH = fileURLToPath(new URL('../gigops.example.yml', import.meta.url));
const EXAMPLE = readFileSync(EXAMPLE_PATH, 'utf8');
const ENV_EXAMPLE = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');

/** The example's lines `  # key: value` made live, to check the optional keys' values too. */
const uncommented = (yaml: string) => yaml.replace(/^(\s+)# ([a-z]\w*: .+)$/gm, '$1$2');

/**
 * Example values that are real choices, which a user may keep: everything
 * else in the example files must be recognised as a placeholder.
 */
const REAL_VALUES = new Set([
  'timezone=Europe/Berlin',
  'admins=[]',
  'locale=en',
  'radar.query=language:go is:issue is:open label:"help wanted"',
  'radar.minComments=5',
  'radar.minStars=500',
  'radar.excludeRepos=[]',
  'radar.excludeLabels=[]',
  'radar.pageSize=5',
  'radar.cacheTtlMinutes=10',
  'radar.digest.cron=0 9 * * 1-5',
  'proposals.hourlyRate=90',
  'proposals.currency=USD',
  'proposals.hook=',
  'proposals.about=',
  'leads.pollCron=*/10 * * * *',
  'delivery.pollCron=*/15 * * * *',
  'delivery.notion.properties.status=Status',
  'delivery.notion.properties.pr=PR',
  'delivery.notion.properties.reviewer=Reviewer',
  'delivery.notion.properties.date=Date',
  'delivery.notion.properties.qa=QA',
  'delivery.notion.properties.points=Story Points',
  'delivery.notion.properties.client=Client',
  'delivery.notion.properties.blocked=Blocked',
  'delivery.notion.properties.owner=Owner',
  'delivery.notion.properties.blockedReason=Blocked Reason',
  'delivery.notion.statusMap.draft=📝 Draft',
  'delivery.notion.statusMap.open=🔄 In Review',
  'delivery.notion.statusMap.merged=✅ Done',
  'delivery.notion.statusMap.closed=⛔ Closed',
  'delivery.notion.people={}',
  // A client's id and Notion value are labels the user may keep; its name and channel are not.
  'clients.0.id=acme',
  'clients.0.notionClient=ACME',
  'clients.0.snapshot.cron=0 10 * * 3',
  'clients.0.snapshot.timezone=America/New_York',
  'clients.0.snapshot.graceHours=6',
  'clients.0.snapshot.hold=false',
  'clients.0.snapshot.previewBefore=24h',
  'clients.0.snapshot.pdf=false',
  'clients.0.snapshot.linkExpiresAfter=90d',
]);

/** Every leaf of a parsed YAML tree as `path=value` (empty lists and maps as [] and {}). */
function leaves(value: unknown, path = ''): string[] {
  if (Array.isArray(value) && value.length === 0) return [`${path}=[]`];
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${path}={}`];
    return entries.flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [`${path}=${String(value ?? '')}`];
}

function unrecognised(yaml: string): string[] {
  const tree = parseYaml(yaml) as unknown;
  const flagged = new Set(findPlaceholders(tree).map((p) => `${p.path}=${p.value}`));
  return leaves(tree).filter((leaf) => !flagged.has(leaf) && !REAL_VALUES.has(leaf));
}

describe('the example files’ placeholders', () => {
  it('every value of gigops.example.yml (commented keys too) is a placeholder or a real choice', () => {
    // A new example value must be added to src/config-placeholders.ts, or above as real.
    expect(unrecognised(EXAMPLE)).toEqual([]);
    expect(unrecognised(uncommented(EXAMPLE))).toEqual([]);
  });

  it('every value of .env.example (commented ones too) is a placeholder or a real default', () => {
    const assigned = parseEnv(ENV_EXAMPLE);
    const commented = parseEnv(ENV_EXAMPLE.replace(/^# ([A-Z_]+=)/gm, '$1'));
    const realDefaults = new Set([
      'SLACK_API_URL=https://slack.com/api/',
      'GITHUB_API_URL=https://api.github.com',
      'NOTION_API_URL=https://api.notion.com',
      'LLM_BASE_URL=http://127.0.0.1:11434/v1', // a local Ollama: works as is
      'DATA_DIR=./data',
      'DATABASE_URL=postgres://gigops@db:5432/gigops', // compose.yaml's database
      'GIGOPS_CONFIG=./gigops.yml',
      'PORT=3000',
      'LOG_LEVEL=info',
    ]);
    const flagged = new Set(
      findEnvPlaceholders({ ...commented, ...assigned }).map((p) => `${p.path}=${p.value}`),
    );
    const values = Object.entries({ ...commented, ...assigned })
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${v}`);
    expect(values.filter((v) => !flagged.has(v) && !realDefaults.has(v))).toEqual([]);
    expect([...flagged]).toEqual([
      'SLACK_BOT_TOKEN=xoxb-',
      'SMTP_URL=smtps://user:password@smtp.example.com:465',
      'EMAIL_FROM=Jane Doe <reports@example.com>',
      'PUBLIC_URL=https://gigops.example.com',
    ]);
  });
});

describe('doctor with the examples copied as is', () => {
  const env = testEnv({ GIGOPS_CONFIG: EXAMPLE_PATH });

  it('fails Config once per placeholder, naming the key and what to put there', () => {
    const config = loadConfig(env);
    const checks = checkConfig(config);
    expect(checks.every((c) => c.name === 'Config' && c.status === 'fail')).toBe(true);
    expect(configPlaceholders(config).map((p) => p.path)).toEqual([
      'radar.digest.channel',
      'proposals.approvers.0',
      'proposals.githubLogin',
      'proposals.signature',
      'delivery.repos.0',
      'delivery.notion.dataSourceId',
      'clients.0.name',
      'clients.0.channel',
      'clients.0.repos.0',
    ]);
    const text = formatChecklist(checks);
    expect(text).toContain(
      `✗ Config: radar.digest.channel is still the example's C0DIGEST (${EXAMPLE_PATH})\n    → put your channel's id (right-click the channel → Copy link: the id is the last part, C…)`,
    );
    expect(text).toContain("✗ Config: proposals.approvers.0 is still the example's U0APPROVER");
    expect(text).toContain("✗ Config: delivery.repos.0 is still the example's acme/api");
    expect(text).not.toContain('✓ Config');
  });

  it('passes a configuration of real values, with its path', () => {
    const yaml = EXAMPLE.replace('C0DIGEST', 'C07RADAR1')
      .replace('U0APPROVER', 'U02JANE99')
      .replace('my-handle', 'jane-go')
      .replace('"Jane — Go engineer"', '"Jane Doe, Go"')
      .replaceAll('acme/api', 'globex/api')
      .replace('00000000-0000-0000-0000-000000000000', '1f2e3d4c-0000-4000-8000-000000000001')
      .replace('ACME Corp', 'Globex')
      .replace('C0ACME', 'C07GLOBEX');
    const config = loadConfig(env, { readFile: () => yaml });
    expect(checkConfig(config)).toEqual([
      { name: 'Config', status: 'ok', detail: config.configPath },
    ]);
    // The schema's defaults are never placeholders.
    expect(configPlaceholders(loadConfig(env, { readFile: () => '' }))).toEqual([]);
  });

  it('stops on .env.example’s bot token, named and shown (it is no secret), with every other problem', () => {
    let problems: string[] = [];
    try {
      loadConfig({ ...parseEnv(ENV_EXAMPLE), GIGOPS_CONFIG: EXAMPLE_PATH });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([
      "SLACK_BOT_TOKEN is still the example's xoxb-: paste the Bot User OAuth Token (xoxb-…) from your Slack app’s OAuth & Permissions page",
      expect.stringMatching(/^SLACK_SIGNING_SECRET: required in HTTP mode/),
    ]);
  });
});

describe('npm start and npx gigops gigs with the examples copied as is', () => {
  const bots: BotProcess[] = [];
  afterEach(() => {
    for (const { child } of bots.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });
  let github: FakeGitHub;
  beforeAll(async () => {
    github = await new FakeGitHub().start();
    github.issues = radarIssues(3, new Date());
  });
  afterAll(() => github.stop());

  it('start stops at once on the example bot token, with the same line', async () => {
    const bot = startBotProcess({
      SLACK_BOT_TOKEN: 'xoxb-',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      DATA_DIR: tempDir(),
    });
    bots.push(bot);
    const [code] = await bot.exited;
    expect(code).toBe(1);
    expect(bot.output()).toContain(
      "  - SLACK_BOT_TOKEN is still the example's xoxb-: paste the Bot User OAuth Token",
    );
    expect(bot.output()).not.toMatch(/\n\s+at /);
  });

  it('start warns of each placeholder in gigops.yml, by key, and runs', async () => {
    const slack = await new FakeSlack().start();
    try {
      const dir = tempDir();
      // The example without its delivery section: this test is about the warnings, not Notion.
      writeFileSync(join(dir, 'gigops.yml'), EXAMPLE.split('\n# Optional: needs NOTION_TOKEN')[0]!);
      const bot = startBotProcess({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        GITHUB_API_URL: github.url,
        GIGOPS_CONFIG: join(dir, 'gigops.yml'),
        DATA_DIR: tempDir(),
        PORT: '0',
        LOG_LEVEL: 'info',
      });
      bots.push(bot);
      await bot.ready;
      const warnings = bot
        .output()
        .split('\n')
        .filter((l) => l.includes('"level":40') && l.includes('is still the example'))
        .map((l) => (JSON.parse(l) as { key: string; msg: string }).key);
      expect(warnings).toEqual([
        'radar.digest.channel',
        'proposals.approvers.0',
        'proposals.githubLogin',
        'proposals.signature',
      ]);
    } finally {
      await slack.stop();
    }
  });

  it('gigs lists opportunities with .env.example’s token (Slack is not used)', async () => {
    let out = '';
    let err = '';
    const code = await runGigs(
      [],
      { SLACK_BOT_TOKEN: 'xoxb-', GITHUB_API_URL: github.url, GIGOPS_CONFIG: undefined },
      (s) => (out += s),
      (s) => (err += s),
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^1\. /m);
  });
});
