import { afterEach, describe, expect, it } from 'vitest';
import { type BotProcess, startBotProcess } from './support/bot-process.ts';
import { BOT_TOKEN, SIGNING_SECRET, tempDir } from './support/env.ts';
import { FakeSlack } from './support/fake-slack.ts';

const children: BotProcess[] = [];

afterEach(() => {
  for (const { child } of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function startBot(env: Record<string, string>): BotProcess {
  const bot = startBotProcess(env);
  children.push(bot);
  return bot;
}

/** A complete environment against this fake Slack, on a free port, logging at info. */
const runnable = (slack: FakeSlack): Record<string, string> => ({
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: slack.apiUrl,
  GITHUB_API_URL: 'http://127.0.0.1:9',
  DATA_DIR: tempDir(),
  PORT: '0',
  LOG_LEVEL: 'info',
});

describe('the bot as a process', () => {
  it('starts, reports healthy, and exits 0 on SIGTERM', async () => {
    const slack = await new FakeSlack().start();
    try {
      const bot = startBot(runnable(slack));
      const port = await bot.ready;
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(slack.callsTo('auth.test')).toHaveLength(1);

      bot.child.kill('SIGTERM');
      const [code] = await bot.exited;
      expect(code).toBe(0);
      expect(bot.output()).toContain('"msg":"stopped"');
      expect(bot.output()).not.toContain(BOT_TOKEN);
      expect(bot.output()).not.toContain(SIGNING_SECRET);
    } finally {
      await slack.stop();
    }
  });

  it('stops gracefully on a SIGTERM sent the moment it says ready', async () => {
    const slack = await new FakeSlack().start();
    try {
      const bot = startBot(runnable(slack));
      await bot.ready;
      bot.child.kill('SIGTERM');
      const [code] = await bot.exited;
      expect(code).toBe(0);
      expect(bot.output()).toContain('"msg":"stopped"');
    } finally {
      await slack.stop();
    }
  });

  it('stops with one clear message when the Slack tokens are missing', async () => {
    const bot = startBot({ DATA_DIR: tempDir() });
    const [code] = await bot.exited;
    expect(code).toBe(1);
    expect(bot.output()).toContain('SLACK_BOT_TOKEN: required');
    expect(bot.output()).toContain('SLACK_SIGNING_SECRET: required in HTTP mode');
    expect(bot.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('stops with a clear message when Slack rejects the token', async () => {
    const slack = await new FakeSlack().start();
    slack.responders.set('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    try {
      const bot = startBot(runnable(slack));
      const [code] = await bot.exited;
      expect(code).toBe(1);
      expect(bot.output()).toContain('Slack rejected SLACK_BOT_TOKEN (invalid_auth)');
      expect(bot.output()).not.toContain(BOT_TOKEN);
    } finally {
      await slack.stop();
    }
  });
});
