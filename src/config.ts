/**
 * The only reader of process.env and of the YAML file. Everything else gets a
 * `Config` passed in, so tests build configs from literal objects.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { type Env, envDependencies, envSchema, secretValues } from './config-env.ts';
import { ensureIssueQualifier, type FileConfig, fileSchema } from './config-file.ts';
import {
  describePlaceholder,
  findEnvPlaceholders,
  findPlaceholders,
  isEnvPlaceholder,
  type Placeholder,
} from './config-placeholders.ts';

export type { Env } from './config-env.ts';
export { secretValues } from './config-env.ts';
export {
  type ClientConfig,
  clientTimeZone,
  type DeliveryConfig,
  ensureIssueQualifier,
  type FileConfig,
  fileSchema,
  type Locale,
} from './config-file.ts';
export { describePlaceholder, type Placeholder } from './config-placeholders.ts';

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

/** The file's text, or undefined when nothing is there; other read errors are thrown. */
function defaultReadFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** One line for a config file that is there but cannot be read: what it is, and what to do. */
function unreadable(where: string, path: string, error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'EISDIR':
      return `${where}: ${path} is a directory, not a file: remove it and copy gigops.example.yml to ${path} (docker compose makes this directory when ./gigops.yml is missing)`;
    case 'EACCES':
    case 'EPERM':
      return `${where}: ${path} cannot be read (permission denied): make it readable by the user gigops runs as (chmod a+r ${path}; in the Docker image that is the user node)`;
    case 'ENOTDIR':
      return `${where}: ${path} is not a path to a file (a part of it is a file, not a folder): point GIGOPS_CONFIG at your gigops.yml`;
    default:
      return `${where}: ${path} cannot be read (${code ?? message.split('\n')[0]})`;
  }
}

/** Reads and validates env and the YAML file; throws one ConfigError naming every problem. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  { readFile = defaultReadFile }: LoadOptions = {},
): Config {
  // .env.example's `xoxb-` stands in for a secret and is none: messages may show it.
  const secrets = secretValues(env).filter((v) => !isEnvPlaceholder(v));
  const problems: string[] = [];

  const envResult = envSchema.safeParse(env);
  if (!envResult.success) problems.push(...formatIssues('', envResult.error.issues));
  problems.push(...findEnvPlaceholders(env).map(describePlaceholder));
  problems.push(...envDependencies(env));
  if (!env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push(
      'SLACK_SIGNING_SECRET: required in HTTP mode: copy it from Basic Information → Signing Secret, or set SLACK_APP_TOKEN (xapp-…) for Socket Mode',
    );
  }

  const explicitPath = env.GIGOPS_CONFIG?.trim();
  const configPath = resolve(explicitPath || './gigops.yml');
  const where = explicitPath ? 'GIGOPS_CONFIG' : 'gigops.yml';
  let raw: unknown = {};
  let text: string | undefined;
  let unreadableFile = false;
  try {
    text = readFile(configPath);
  } catch (error) {
    unreadableFile = true;
    problems.push(unreadable(where, configPath, error));
  }
  if (text === undefined) {
    if (explicitPath && !unreadableFile) {
      problems.push(
        `GIGOPS_CONFIG: no file at ${configPath}: copy gigops.example.yml there, or unset GIGOPS_CONFIG to run on the defaults`,
      );
    }
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

/**
 * gigops.example.yml's values still in the loaded file: they pass the schema
 * but name nobody's channel, user or repository. Doctor fails on them; start
 * warns (only the environment's stop it: loadConfig).
 */
export function configPlaceholders(config: FileConfig): Placeholder[] {
  const file = Object.fromEntries(
    Object.keys(fileSchema.shape).map((key) => [key, config[key as keyof FileConfig]]),
  );
  return findPlaceholders(file);
}
