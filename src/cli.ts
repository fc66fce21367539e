import { existsSync } from 'node:fs';
import { flushCompileCache } from 'node:module';
import { ConfigError, configPlaceholders, describePlaceholder, loadConfig } from './config.ts';
import { isGigopsError } from './errors.ts';
import { createLogger } from './log.ts';
import type { RunningBot } from './main.ts';

const USAGE = `gigops — chat-ops for freelance Go engineers

  gigops start                 run the Slack bot (npm start)
  gigops gigs [filters]        the opportunity radar in a terminal (no Slack needed)
  gigops doctor                check every integration and print a checklist with fixes
  gigops help                  this text
`;

/** `gigops start`: runs until SIGTERM/SIGINT, then drains and exits 0. */
async function start(env: NodeJS.ProcessEnv): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(
        `${error.message}\n\nSee README.md → Environment, README.md → Configuration, and .env.example.\n`,
      );
      return 1;
    }
    throw error;
  }
  const logger = createLogger({ level: config.env.LOG_LEVEL, secrets: config.secrets });
  // The example's channels and ids load fine and fail later, when used: say so now.
  for (const p of configPlaceholders(config)) {
    logger.warn({ key: p.path }, describePlaceholder(p));
  }
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: reason }, 'unhandled rejection'),
  );
  // Listen for signals before start-up finishes: a SIGTERM that arrives while
  // starting, or just after "ready", still gets a graceful stop.
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  let bot: RunningBot;
  try {
    const { startGigops } = await import('./main.ts');
    bot = await startGigops({ config, logger });
  } catch (error) {
    if (isGigopsError(error)) {
      logger.fatal({ code: error.code }, error.message);
      process.stderr.write(`gigops cannot start: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  // Every module start-up needs is loaded now: write the compile cache
  // (bin/gigops.js) today rather than at exit, which a SIGKILL or crash skips.
  flushCompileCache();
  const signal = await signalled;
  logger.info({ signal }, 'signal received');
  try {
    await bot.stop();
    return 0;
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    return 1;
  }
}

/** `gigops doctor`: exit 0 when nothing failed. */
async function doctor(env: NodeJS.ProcessEnv): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stdout.write(
      `${error.problems.map((p) => `✗ Config: ${p}`).join('\n')}\n\n${error.problems.length} check(s) failed.\n`,
    );
    return 1;
  }
  const logger = createLogger({ level: 'silent', secrets: config.secrets });
  const { formatChecklist, runDoctor } = await import('./doctor/index.ts');
  const checks = await runDoctor(config, logger);
  process.stdout.write(formatChecklist(checks));
  return checks.some((c) => c.status === 'fail') ? 1 : 0;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command = 'start', ...rest] = argv;
  switch (command) {
    case 'start':
      return start(env);
    case 'gigs':
      return (await import('./cli-gigs.ts')).runGigs(rest, env);
    case 'doctor':
      return doctor(env);
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

// A .env file in the working directory fills in what the environment lacks
// (variables already set win), so `npm start` needs no wrapper.
if (existsSync('.env')) process.loadEnvFile('.env');
process.exitCode = await main(process.argv.slice(2));
