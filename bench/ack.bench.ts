/**
 * Ack latency (issues 3 and 8) and resource use, with the bot under test
 * (`node <npm start's flags> bin/gigops.js start`) and a bare Bolt app that
 * only acks (support/bare-bolt.ts) each in its own process, against the same fakes in
 * this process. The load generator is a process of its own (support/loadgen.ts)
 * and, where `taskset` can, the server measured has a core to itself
 * (support/processes.ts). Runs alternate between the two, so neither gets a
 * quieter machine; each figure is the median over RUNS bursts after WARMUP.
 * Beside the latencies, the CPU time each server spent from a burst's start to
 * its last answer (Linux /proc/<pid>/schedstat): less noisy than a p99, and
 * what the p99 at 100 concurrent mostly follows.
 */
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { deliveryYaml, REPO } from '../test/support/delivery.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../test/support/env.ts';
import { FakeGitHub } from '../test/support/fake-github.ts';
import { FakeGitHubPulls } from '../test/support/fake-github-pulls.ts';
import { FakeNotion } from '../test/support/fake-notion.ts';
import { FakeSlack } from '../test/support/fake-slack.ts';
import { githubHeaders } from '../test/support/github-sign.ts';
import { buttonPress, radarIssues } from '../test/support/radar.ts';
import { signedHeaders, slashCommandBody } from '../test/support/slack-sign.ts';
import type { BenchModule, BenchResult } from './run.ts';
import type { Prepared } from './support/loadgen.ts';
import { median, percentile, ratio, triggerId, within } from './support/measure.ts';
import {
  type LoadGenerator,
  pin,
  type Served,
  startBareProcess,
  startBotProcess,
  startLoadGenerator,
  unpin,
} from './support/processes.ts';

const RUNS = 7;
/** Untimed bursts first: both sides reach steady JIT-compiled code (about 5 bursts here). */
const WARMUP = 5;
const COMMANDS = 10_000;
const WEBHOOK_SECRET = 'bench-webhook-secret';
const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

type Request = () => Prepared;

/** Waits until the fakes have heard nothing for 150 ms: the bot's follow-up work is done. */
async function settle(count: () => number): Promise<void> {
  const until = Date.now() + 10_000;
  let last = -1;
  while (Date.now() < until) {
    const now = count();
    if (now === last) return;
    last = now;
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function compare(
  load: LoadGenerator,
  bot: Served,
  bare: Served,
  n: number,
  request: Request,
  quiet: () => Promise<void>,
) {
  const burst = (url: string) =>
    load.burst(
      url,
      Array.from({ length: n }, () => request()),
    );
  for (let i = 0; i < WARMUP; i++) {
    await burst(bare.url);
    await burst(bot.url);
    await quiet();
  }
  const runs = {
    b50: [] as number[],
    b99: [] as number[],
    g50: [] as number[],
    g99: [] as number[],
    bCpu: [] as number[],
    gCpu: [] as number[],
  };
  for (let i = 0; i < RUNS; i++) {
    let cpu = bare.cpuMs();
    const b = await burst(bare.url);
    runs.bCpu.push(bare.cpuMs() - cpu);
    await quiet();
    cpu = bot.cpuMs();
    const g = await burst(bot.url);
    // CPU until the last answer arrived: the acks and whatever ran before them.
    runs.gCpu.push(bot.cpuMs() - cpu);
    await quiet();
    runs.b50.push(percentile(b, 50));
    runs.b99.push(percentile(b, 99));
    runs.g50.push(percentile(g, 50));
    runs.g99.push(percentile(g, 99));
  }
  return {
    p50: median(runs.g50),
    p99: median(runs.g99),
    bare50: median(runs.b50),
    bare99: median(runs.b99),
    cpu: median(runs.gCpu),
    bareCpu: median(runs.bCpu),
  };
}

async function run(): Promise<BenchResult[]> {
  const slack = await new FakeSlack().start();
  const gh = await new FakeGitHub().start();
  gh.issues = radarIssues(20, new Date());
  const pulls = await new FakeGitHubPulls().start();
  pulls.setPull(REPO, { number: 2, headSha: HEAD_SHA, updatedAt: '2019-05-15T15:20:33Z' });
  pulls.checkRuns.set(HEAD_SHA, [{ status: 'completed', conclusion: 'success' }]);
  const notion = await new FakeNotion().start();
  notion.addItem({
    title: 'Hello page',
    status: 'Not started',
    pr: 'https://github.com/Codertocat/Hello-World/pull/2',
  });
  // One GitHub for the bot: the radar's search and GraphQL, the rest to the pulls fake.
  const proxy = await proxyGitHub(gh.url, pulls.url);

  const env = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    GITHUB_API_URL: proxy.url,
    GITHUB_TOKEN: 'ghp_bench_0123456789',
    GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET,
    NOTION_TOKEN: 'secret_bench',
    NOTION_API_URL: notion.url,
  };
  const yaml = deliveryYaml(notion.dataSourceId);
  // The fakes and the load generator on the other cores than the server measured.
  pin(process.pid, 'load');
  const load = startLoadGenerator();
  const bare = await startBareProcess(env);
  const bot = await startBotProcess(yaml, env);
  const results: BenchResult[] = [];
  try {
    const quiet = () => settle(() => slack.calls.length + notion.requests.length);
    // A first /gigs fills the radar's cache (the budget is measured in radar.bench.ts).
    const gigs: Request = () => {
      const body = slashCommandBody('', slack.responseUrl('bench'), {
        trigger_id: triggerId(),
      });
      return { path: '/slack/events', body, headers: signedHeaders(SIGNING_SECRET, body), ok: 200 };
    };
    await load.burst(bot.url, [gigs()]);
    const listed = await within(10_000, 'the first /gigs list', slack.waitFor('chat.postMessage'));
    const blocks = listed.params.blocks as Array<{ block_id?: string }>;
    const target = blocks.find((b) => b.block_id?.startsWith('opp:'))!.block_id!.slice(4);
    const press: Request = () => {
      const body = buttonPress({
        actionId: 'opportunity_dismiss',
        value: target,
        message: { ts: '1700000001.000100', blocks },
        responseUrl: slack.responseUrl('press'),
      });
      return { path: '/slack/events', body, headers: signedHeaders(SIGNING_SECRET, body), ok: 200 };
    };
    const opened = JSON.stringify(
      examples
        .find((e) => e.name === 'pull_request')!
        .examples.find((e) => (e as { action: string }).action === 'opened'),
    );
    const webhook: Request = () => ({
      path: '/github/webhook',
      body: opened,
      headers: githubHeaders('pull_request', opened, WEBHOOK_SECRET),
      ok: 0,
    });
    const kinds: Array<[string, Request]> = [
      ['/gigs', gigs],
      ['button press (opportunity_dismiss)', press],
      ['GitHub webhook (pull_request opened)', webhook],
    ];
    for (const [name, request] of kinds) {
      for (const n of [20, 100]) {
        const r = await compare(load, bot, bare, n, acceptBoth(request), quiet);
        process.stdout.write(`  ${name} ×${n}: ${JSON.stringify(r)}\n`);
        results.push(
          {
            name: `${name} ack p50, ${n} concurrent (median of ${RUNS})`,
            value: r.p50,
            unit: 'ms',
            baseline: r.bare50,
            target: `reported (${ratio(r.p50, r.bare50)}×)`,
            pass: true,
          },
          {
            name: `${name} ack p99, ${n} concurrent (median of ${RUNS})`,
            value: r.p99,
            unit: 'ms',
            baseline: r.bare99,
            target: `≤ 1.2 × bare Bolt (${ratio(r.p99, r.bare99)}×)`,
            pass: r.p99 <= 1.2 * r.bare99,
          },
        );
        // Less noisy than p99 on a shared machine, and what p99 mostly follows.
        if (Number.isFinite(r.cpu))
          results.push({
            name: `${name}, CPU of the server until its last ack, ${n} concurrent (median of ${RUNS})`,
            value: r.cpu,
            unit: 'ms',
            baseline: r.bareCpu,
            target: `reported (${ratio(r.cpu, r.bareCpu)}×)`,
            pass: true,
          });
      }
    }
  } finally {
    await bot.stop();
    await bare.stop();
    await Promise.all([slack.stop(), gh.stop(), pulls.stop(), notion.stop()]);
    await proxy.stop();
    load.stop();
    unpin(process.pid);
  }
  void COMMANDS;
  return results;
}

/** The bot answers a webhook 202; the bare app too. Slack requests: 200 from both. */
function acceptBoth(request: Request): Request {
  return () => {
    const r = request();
    return r.ok === 0 ? { ...r, ok: 202 } : r;
  };
}

async function proxyGitHub(radar: string, pulls: string) {
  const { createServer } = await import('node:http');
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const to =
      path === '/search/issues' || path === '/graphql' || path === '/rate_limit' ? radar : pulls;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = { ...req.headers } as Record<string, string>;
    delete headers.host;
    delete headers['content-length'];
    const upstream = await fetch(`${to}${req.url}`, {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    const out: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (k !== 'content-encoding' && k !== 'content-length' && k !== 'transfer-encoding')
        out[k] = v;
    });
    res.writeHead(upstream.status, out);
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export default { title: 'Ack latency (separate processes)', run } satisfies BenchModule;
