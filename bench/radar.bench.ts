/**
 * The radar's targets (issue 3): GitHub requests per cold and warm /gigs,
 * counted at a fake GitHub; and slash-command ack latency under 20 concurrent
 * signed requests, as a ratio to a bare Bolt app that only acks, in this run.
 */
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { startTestBot } from '../test/support/bot.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../test/support/env.ts';
import { FakeGitHub } from '../test/support/fake-github.ts';
import { radarIssues } from '../test/support/radar.ts';
import { signedHeaders, slashCommandBody } from '../test/support/slack-sign.ts';
import type { BenchModule, BenchResult } from './run.ts';

const CONCURRENCY = 20;
const RUNS = 7;

async function ackLatencies(url: string, responseUrl: string): Promise<number[]> {
  return Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const body = slashCommandBody('', responseUrl);
      const headers = signedHeaders(SIGNING_SECRET, body);
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', body, headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`ack failed: ${res.status}`);
      return performance.now() - t0;
    }),
  );
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const median = (xs: number[]) => percentile(xs, 50);

async function bareBolt(slackApiUrl: string) {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logLevel: LogLevel.ERROR });
  const app = new App({
    token: BOT_TOKEN,
    receiver,
    tokenVerificationEnabled: false,
    clientOptions: { slackApiUrl },
    logLevel: LogLevel.ERROR,
  });
  app.command('/gigs', async ({ ack }) => {
    await ack();
  });
  const server = await receiver.start(0);
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/slack/events`, stop: () => receiver.stop() };
}

const bench: BenchModule = {
  title: 'Opportunity radar',
  async run(): Promise<BenchResult[]> {
    const gh = await new FakeGitHub().start();
    gh.issues = radarIssues(20, new Date());
    const t = await startTestBot('', {
      GITHUB_API_URL: gh.url,
      GITHUB_TOKEN: 'ghp_bench_0123456789',
    });
    const bare = await bareBolt(t.slack.apiUrl);
    const results: BenchResult[] = [];
    try {
      const github = () => gh.count('/search/issues') + gh.count('/graphql');
      const gigs = async () => {
        const before = t.slack.callsTo('chat.postMessage').length;
        const body = slashCommandBody('', t.slack.responseUrl('bench'));
        await fetch(`${t.url}/slack/events`, {
          method: 'POST',
          body,
          headers: signedHeaders(SIGNING_SECRET, body),
        });
        await t.slack.waitFor(
          'chat.postMessage',
          () => t.slack.callsTo('chat.postMessage').length > before,
        );
      };
      const c0 = github();
      await gigs();
      const cold = github() - c0;
      const enriched = JSON.parse(gh.requests.find((r) => r.path === '/graphql')!.body) as {
        variables: { ids: string[] };
      };
      const w0 = github();
      await gigs();
      const warm = github() - w0;
      results.push(
        {
          name: `GitHub requests, cold /gigs (${enriched.variables.ids.length} candidates enriched)`,
          value: cold,
          unit: 'requests',
          baseline: 1 + 2 * enriched.variables.ids.length,
          target: '≤ 2 (naive REST: 1 + 2×N)',
          pass: cold <= 2,
        },
        {
          name: 'GitHub requests, warm /gigs (within cache TTL)',
          value: warm,
          unit: 'requests',
          target: '0',
          pass: warm === 0,
        },
      );

      // Warm up both, then alternate runs so neither side gets a quieter machine.
      await ackLatencies(bare.url, t.slack.responseUrl('warm'));
      await ackLatencies(`${t.url}/slack/events`, t.slack.responseUrl('warm'));
      const runs = {
        bare: { p50: [] as number[], p99: [] as number[] },
        gigops: { p50: [] as number[], p99: [] as number[] },
      };
      for (let n = 0; n < RUNS; n++) {
        const b = await ackLatencies(bare.url, t.slack.responseUrl('bare'));
        const g = await ackLatencies(`${t.url}/slack/events`, t.slack.responseUrl('bench'));
        runs.bare.p50.push(percentile(b, 50));
        runs.bare.p99.push(percentile(b, 99));
        runs.gigops.p50.push(percentile(g, 50));
        runs.gigops.p99.push(percentile(g, 99));
        // Let the posted lists finish before the next run.
        await t.bot.deps.lifecycle.drain(10_000);
      }
      const p50 = median(runs.gigops.p50);
      const p99 = median(runs.gigops.p99);
      const b99 = median(runs.bare.p99);
      results.push(
        {
          name: `/gigs ack latency p50, ${CONCURRENCY} concurrent (median of ${RUNS} runs)`,
          value: p50,
          unit: 'ms',
          baseline: median(runs.bare.p50),
          target: 'reported',
          pass: true,
        },
        {
          name: `/gigs ack latency p99, ${CONCURRENCY} concurrent (median of ${RUNS} runs)`,
          value: p99,
          unit: 'ms',
          baseline: b99,
          target: `≤ 1.2 × bare Bolt (${Math.round((p99 / b99) * 100) / 100}×)`,
          pass: p99 <= 1.2 * b99,
        },
      );
    } finally {
      await bare.stop();
      await t.close();
      await gh.stop();
    }
    return results;
  },
};
export default bench;
