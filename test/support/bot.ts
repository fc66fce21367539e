import { type Config, loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { type RunningBot, type StartOptions, startGigops } from '../../src/main.ts';
import { testEnv } from './env.ts';
import { FakeSlack } from './fake-slack.ts';

export interface TestBot {
  bot: RunningBot;
  slack: FakeSlack;
  config: Config;
  url: string;
  close(): Promise<void>;
}

/** The real bot in HTTP mode on an ephemeral port, talking to a fake Slack. */
export async function startTestBot(
  yaml = '',
  env: Record<string, string | undefined> = {},
  /** A clock, or the start options themselves (clock, logger, shutdown grace). */
  options: (() => Date) | Omit<StartOptions, 'env' | 'config'> = {},
): Promise<TestBot> {
  const slack = await new FakeSlack().start();
  const config = loadConfig(testEnv({ SLACK_API_URL: slack.apiUrl, ...env }), {
    readFile: () => yaml,
  });
  const start = typeof options === 'function' ? { now: options } : options;
  const bot = await startGigops({ config, logger: createLogger({ level: 'silent' }), ...start });
  return {
    bot,
    slack,
    config,
    url: `http://127.0.0.1:${bot.port}`,
    async close() {
      await bot.stop();
      await slack.stop();
    },
  };
}
