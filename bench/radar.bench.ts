/**
 * The radar's API budget (issue 3): GitHub requests per cold and warm /gigs,
 * counted at a fake GitHub. Ack latency is measured in ack.bench.ts, with the
 * bot in its own process.
 */
import { startTestBot } from '../test/support/bot.ts';
import { SIGNING_SECRET } from '../test/support/env.ts';
import { FakeGitHub } from '../test/support/fake-github.ts';
import { radarIssues } from '../test/support/radar.ts';
import { signedHeaders, slashCommandBody } from '../test/support/slack-sign.ts';
import type { BenchModule, BenchResult } from './run.ts';
import { triggerId, within } from './support/measure.ts';

const bench: BenchModule = {
  title: 'Opportunity radar',
  async run(): Promise<BenchResult[]> {
    const gh = await new FakeGitHub().start();
    gh.issues = radarIssues(20, new Date());
    const t = await startTestBot('', {
      GITHUB_API_URL: gh.url,
      GITHUB_TOKEN: 'ghp_bench_0123456789',
    });
    try {
      const github = () => gh.count('/search/issues') + gh.count('/graphql');
      const gigs = async () => {
        const before = t.slack.callsTo('chat.postMessage').length;
        // Each request differs as Slack's do (trigger_id): identical signed
        // bodies would be refused as replays, and no list would ever come.
        const body = slashCommandBody('', t.slack.responseUrl('bench'), {
          trigger_id: triggerId(),
        });
        const res = await fetch(`${t.url}/slack/events`, {
          method: 'POST',
          body,
          headers: signedHeaders(SIGNING_SECRET, body),
        });
        if (res.status !== 200) throw new Error(`bench: /gigs answered ${res.status}`);
        await within(
          10_000,
          'chat.postMessage after /gigs',
          t.slack.waitFor(
            'chat.postMessage',
            () => t.slack.callsTo('chat.postMessage').length > before,
          ),
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
      return [
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
      ];
    } finally {
      await t.close();
      await gh.stop();
    }
  },
};
export default bench;
