/**
 * Resource use (issue 8): idle RSS, RSS after 5,000 and 10,000 commands, and
 * start-up time to GET /healthz 200 — the bot (`node <npm start's flags>
 * bin/gigops.js start`) against a bare Bolt app that only acks, each a
 * separate process, both with a warm compile cache (support/processes.ts).
 * The command is `/gigs help` (usage through response_url): `/gigs` lists
 * would each post a message, which measures the fakes more than the bot.
 * Memory is the median of MEMORY_RUNS fresh processes per side, alternating:
 * one run's growth moved between 4 % and 11 % on the same code, as young
 * collections happen to promote more or less just before a reading.
 */
import { BOT_TOKEN, SIGNING_SECRET } from '../test/support/env.ts';
import { FakeSlack } from '../test/support/fake-slack.ts';
import { signedHeaders, slashCommandBody } from '../test/support/slack-sign.ts';
import type { BenchModule, BenchResult } from './run.ts';
import { median, ratio, triggerId, within } from './support/measure.ts';
import { type Served, startBareProcess, startBotProcess } from './support/processes.ts';

const COMMANDS = 10_000;
const CONCURRENCY = 20;
const STARTS = 3;
const MEMORY_RUNS = 3;
const MiB = 2 ** 20;

async function commands(url: string, n: number, responseUrl: string): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next += 1;
      const body = slashCommandBody('help', responseUrl, { trigger_id: triggerId() });
      const res = await fetch(`${url}/slack/events`, {
        method: 'POST',
        body,
        headers: signedHeaders(SIGNING_SECRET, body),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`bench: /gigs help answered ${res.status}`);
    }
  };
  await within(
    120_000,
    `${n} commands at ${url}`,
    Promise.all(Array.from({ length: CONCURRENCY }, worker)),
  );
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Memory {
  idle: number;
  full: number;
  /** (RSS after COMMANDS − after COMMANDS / 2) / after COMMANDS / 2, in this run. */
  growth: number;
}

/** Each figure's median over the runs (growth per run first, then its median). */
const medians = (runs: Memory[]): Memory => ({
  idle: median(runs.map((r) => r.idle)),
  full: median(runs.map((r) => r.full)),
  growth: median(runs.map((r) => r.growth)),
});

async function run(): Promise<BenchResult[]> {
  const slack = await new FakeSlack().start();
  const env = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    GITHUB_WEBHOOK_SECRET: 'bench-webhook-secret',
  };
  const starts = { bot: [] as number[], bare: [] as number[] };
  const memory = async (start: () => Promise<Served>): Promise<Memory> => {
    const p = await start();
    try {
      await pause(1_000);
      const idle = p.rssBytes();
      await commands(p.url, COMMANDS / 2, slack.responseUrl('rss'));
      await pause(500);
      const half = p.rssBytes();
      await commands(p.url, COMMANDS / 2, slack.responseUrl('rss'));
      await pause(500);
      const full = p.rssBytes();
      return { idle, full, growth: (full - half) / half };
    } finally {
      await p.stop();
    }
  };
  try {
    for (let i = 0; i < STARTS; i++) {
      for (const [side, start] of [
        ['bare', () => startBareProcess(env)],
        ['bot', () => startBotProcess('', env)],
      ] as const) {
        const p = await start();
        starts[side].push(p.startMs);
        await p.stop();
      }
    }
    const runs = { bare: [] as Memory[], bot: [] as Memory[] };
    for (let i = 0; i < MEMORY_RUNS; i++) {
      runs.bare.push(await memory(() => startBareProcess(env)));
      runs.bot.push(await memory(() => startBotProcess('', env)));
    }
    const bare = medians(runs.bare);
    const bot = medians(runs.bot);
    const growth = bot.growth;
    const mib = (b: number) => Math.round((b / MiB) * 10) / 10;
    return [
      {
        name: `Idle RSS (median of ${MEMORY_RUNS})`,
        value: mib(bot.idle),
        unit: 'MiB',
        baseline: mib(bare.idle),
        target: `≤ 1.3 × bare Bolt (${ratio(bot.idle, bare.idle)}×)`,
        pass: bot.idle <= 1.3 * bare.idle,
      },
      {
        name: `RSS after ${COMMANDS} commands (/gigs help, ${CONCURRENCY} concurrent; median of ${MEMORY_RUNS})`,
        value: mib(bot.full),
        unit: 'MiB',
        baseline: mib(bare.full),
        target: `≤ 1.3 × bare Bolt (${ratio(bot.full, bare.full)}×)`,
        pass: bot.full <= 1.3 * bare.full,
      },
      {
        name: `RSS growth from command ${COMMANDS / 2} to ${COMMANDS} (median of ${MEMORY_RUNS})`,
        value: Math.round(growth * 1000) / 10,
        unit: '%',
        baseline: Math.round(bare.growth * 1000) / 10,
        target: `no growth (≤ 5 %: GC noise); runs ${runs.bot.map((r) => `${Math.round(r.growth * 1000) / 10} %`).join(', ')}`,
        pass: growth <= 0.05,
      },
      {
        name: `Start-up to GET /healthz 200 (median of ${STARTS})`,
        value: median(starts.bot),
        unit: 'ms',
        baseline: median(starts.bare),
        target: `reported (${ratio(median(starts.bot), median(starts.bare))}× bare Bolt)`,
        pass: true,
      },
    ];
  } finally {
    await slack.stop();
  }
}

export default { title: 'Resource use (separate processes)', run } satisfies BenchModule;
