/**
 * The leads' polling budget (issue 22): rate-limited GitHub requests and Slack
 * calls per poll of 50 watched pull requests, with nothing, 5 and 50 changed,
 * counted at a fake GitHub that records which requests GitHub counts against
 * the rate limit (all but an authorised 304). The baseline is the naive poll:
 * one REST request for each watched pull request, and one for its reviews and
 * one for its comments when it changed.
 */
import { runLeadsPoll } from '../src/features/leads/jobs.ts';
import {
  type FakePull,
  fakePull,
  type LeadsBot,
  LOGIN,
  startLeadsBot,
  touch,
} from '../test/support/leads.ts';
import type { BenchModule, BenchResult } from './run.ts';

const WATCHED = 50;

const bench: BenchModule = {
  title: 'Leads: polling cost',
  async run(): Promise<BenchResult[]> {
    const t: LeadsBot = await startLeadsBot();
    try {
      const pulls: FakePull[] = [];
      for (let i = 0; i < WATCHED; i++)
        pulls.push(t.github.add(fakePull({ repo: `org${i % 5}/repo`, author: LOGIN })));
      let minute = 0;
      const poll = async (changed: number) => {
        for (const p of pulls.slice(0, changed)) {
          p.title = `${p.title}.`;
          touch(p, new Date(Date.UTC(2026, 10, 21, 9, minute)).toISOString());
        }
        minute += 10;
        const slot = new Date(Date.UTC(2026, 10, 21, 9, minute));
        t.clock.now = new Date(slot.getTime() + 1_000);
        const g = t.github.requests.length;
        const s = t.slack.calls.length;
        await runLeadsPoll(t.bot.deps, slot);
        const slack = t.slack.calls.slice(s);
        return {
          github: t.github.counted(g),
          details: t.github.graphql('LeadDetails', g).length,
          slack: slack.length,
          edits: slack.filter((c) => c.method === 'chat.update').length,
        };
      };
      await poll(0); // first sight: every message posted
      const idle = await poll(0);
      const five = await poll(5);
      const all = await poll(WATCHED);
      const naive = (changed: number) => WATCHED + 2 * changed;
      return [
        {
          name: `GitHub requests counted, ${WATCHED} watched, nothing changed`,
          value: idle.github,
          unit: 'requests',
          baseline: naive(0),
          target: '≤ 1',
          pass: idle.github <= 1,
        },
        {
          name: 'Slack calls, nothing changed',
          value: idle.slack,
          unit: 'calls',
          target: '0',
          pass: idle.slack === 0,
        },
        {
          name: `GitHub requests counted, 5 of ${WATCHED} changed`,
          value: five.github,
          unit: 'requests',
          baseline: naive(5),
          target: '≤ 1 + ⌈5/50⌉ = 2',
          pass: five.github <= 2 && five.details <= 1,
        },
        {
          name: 'Slack edits, 5 changed',
          value: five.edits,
          unit: 'edits',
          target: 'exactly 5, nothing else',
          pass: five.edits === 5 && five.slack === 5,
        },
        {
          name: `GitHub requests counted, all ${WATCHED} changed`,
          value: all.github,
          unit: 'requests',
          baseline: naive(WATCHED),
          target: '≤ 1 + ⌈50/50⌉ = 2',
          pass: all.github <= 2,
        },
        {
          name: `Slack edits, all ${WATCHED} changed`,
          value: all.edits,
          unit: 'edits',
          target: `exactly ${WATCHED}`,
          pass: all.edits === WATCHED && all.slack === WATCHED,
        },
      ];
    } finally {
      await t.close();
      await t.github.stop();
    }
  },
};
export default bench;
