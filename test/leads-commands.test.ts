import { afterEach, describe, expect, it } from 'vitest';
import { runLeadsPoll } from '../src/features/leads/jobs.ts';
import { startTestBot } from './support/bot.ts';
import { SIGNING_SECRET } from './support/env.ts';
import {
  fakePull,
  LEADS_CHANNEL,
  LEADS_YAML,
  type LeadsBot,
  LOGIN,
  startLeadsBot,
  touch,
} from './support/leads.ts';
import { buttonPress, viewSubmission } from './support/proposal-payloads.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';
import { slashCommand } from './support/slack-requests.ts';
import { interactionBody, signedHeaders } from './support/slack-sign.ts';

/** `/gigs leads`, `/gigs leads watch <url>`, **Mark as won** and its modal, through signed requests. */
let t: LeadsBot | undefined;
afterEach(async () => {
  await t?.close();
  await t?.github.stop();
  t = undefined;
});

const post = (bot: LeadsBot, payload: unknown) => {
  const body = interactionBody(payload);
  return fetch(`${bot.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });
};

/** The lead_won_modal submitted with `amount` (block `amount`, action `amount`). */
function wonSubmission(privateMetadata: string, amount: string, user = 'U0ADMIN') {
  const payload = viewSubmission('lead_won_modal', privateMetadata, {}, user);
  payload.view.state.values = {
    amount: { amount: { type: 'plain_text_input', value: amount } },
  } as never;
  return payload;
}

const answer = (c: { params: Record<string, unknown> }) => String(c.params.text ?? '');

describe('/gigs leads watch', () => {
  it.each([
    ['watch', /`leads` takes nothing, or `watch <github pull request url>`/],
    ['watch https://github.com/gin-gonic/gin/issues/12', /is an issue, not a pull request/],
    ['watch https://gitlab.com/a/b/pull/1', /is not on .*: paste a pull request URL/],
    ['watch https://github.com/gin-gonic/gin/pull/0', /no valid pull request number/],
    ['watch https://github.com/gin-gonic/gin/commits', /is not a pull request URL/],
    ['follow https://github.com/gin-gonic/gin/pull/1', /`leads` takes nothing/],
  ])('`/gigs leads %s`: a usage answer, nothing asked of GitHub', async (args, problem) => {
    t ??= await startLeadsBot();
    const from = t.github.requests.length;
    const reply = await slashCommand(t, `leads ${args}`, `bad-${args.length}-${from}`);
    expect(JSON.stringify(reply.params.blocks)).toMatch(problem);
    expect(t.github.requests.length).toBe(from);
  });

  it('a pull request GitHub does not show: said plainly, nothing kept', async () => {
    t = await startLeadsBot();
    const reply = await slashCommand(
      t,
      'leads watch https://github.com/gin-gonic/gin/pull/999',
      'gone',
    );
    expect(answer(reply)).toMatch(
      /shows no pull request gin-gonic\/gin#999.*issue number, private, or deleted/,
    );
    expect(await t.bot.deps.store.leads.all()).toEqual([]);
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('follows any pull request: one message however often asked, with the CONTRIBUTING verdict', async () => {
    t = await startLeadsBot();
    const pr = t.github.add(fakePull({ repo: 'golang/go', author: 'someone-else' }));
    t.github.files.set('golang/go', {
      'CONTRIBUTING.md':
        'Authors may include a link to their homepage as well as their email address.',
    });
    const url = `https://github.com/golang/go/pull/${pr.number}/files`;
    const first = await slashCommand(t, `leads watch ${url}`, 'w1');
    expect(answer(first)).toMatch(
      new RegExp(
        `Following <https://github.com/golang/go/pull/${pr.number}\\|golang/go#${pr.number}> in <#${LEADS_CHANNEL}>`,
      ),
    );
    expect(answer(first)).toMatch(/allows it .*homepage.*gigops never adds it/);
    const second = await slashCommand(t, `leads watch ${url}`, 'w2');
    expect(answer(second)).toMatch(/Already following/);
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(1);
    const [lead] = await t.bot.deps.store.leads.all();
    expect(lead).toMatchObject({ origin: 'watch', watchedBy: 'U0USER', author: 'someone-else' });

    // Not the login's: the poll asks GitHub about it with its ETag (304: free), beside the
    // login's search (unchanged since the start-up poll: 304 too).
    const from = t.github.requests.length;
    await runLeadsPoll(t.bot.deps, new Date('2026-11-20T09:10:00Z'));
    expect(t.github.requests.slice(from).map((r) => [r.path, r.status])).toEqual([
      ['/search/issues', 304],
      [`/repos/golang/go/pulls/${pr.number}`, 304],
    ]);
    expect(t.github.counted(from)).toBe(0);
  });
});

it('without GITHUB_TOKEN: no poll is scheduled, and watch says what to set', async () => {
  const bot = await startTestBot(LEADS_YAML());
  try {
    expect(bot.bot.scheduler.nextRuns().map((r) => r.name)).not.toContain('leads:poll');
    const reply = await slashCommand(
      bot,
      'leads watch https://github.com/gin-gonic/gin/pull/3',
      'nt',
    );
    expect(answer(reply)).toMatch(/needs `GITHUB_TOKEN`/);
    const funnel = await slashCommand(bot, 'leads', 'nt-funnel');
    expect(JSON.stringify(funnel.params.blocks)).toMatch(/needs `GITHUB_TOKEN`/);
  } finally {
    await bot.close();
  }
});

describe('the funnel and Mark as won', () => {
  it('/gigs leads shows the funnel; Mark as won opens the modal, checks the amount, records it', async () => {
    t = await startLeadsBot();
    const pr = t.github.add(fakePull({ repo: 'gin-gonic/gin', author: LOGIN }));
    pr.comments.push({
      id: 'IC_1',
      login: 'mo',
      association: 'OWNER',
      body: 'Great, thanks',
      at: '2026-11-05T10:00:00Z',
    });
    touch(pr, '2026-11-05T10:00:00Z');
    await runLeadsPoll(t.bot.deps, new Date('2026-11-20T09:10:00Z'));
    const [lead] = await t.bot.deps.store.leads.all();
    expect(lead?.validatedAt).toBeDefined();

    const funnel = await slashCommand(t, 'leads', 'funnel', 'U0ADMIN');
    expectWithinSlackLimits(funnel.params.blocks as object[]);
    const shown = JSON.stringify(funnel.params.blocks);
    expect(shown).toContain('Your pull requests without a listed issue');
    expect(shown).toContain('PR opened *1* → validated *1* (100%) → won *0* (0%)');
    expect(shown).toContain('*3.0 days* (1 PR)');

    // Not an admin: refused privately, naming who can, no modal.
    const refused = post(t, {
      ...buttonPress('lead_won', lead!.id, { user: 'U0USER' }),
      response_url: t.slack.responseUrl('won-refused'),
    });
    expect((await refused).status).toBe(200);
    const told = await t.slack.waitFor('response_url:/respond/won-refused');
    expect(told.params).toMatchObject({
      response_type: 'ephemeral',
      text: 'Only <@U0ADMIN> can mark a lead as won; nothing changed.',
    });
    expect(t.slack.callsTo('views.open')).toEqual([]);

    await post(
      t,
      buttonPress('lead_won', lead!.id, { user: 'U0ADMIN', triggerId: '7.won.trigger' }),
    );
    const opened = await t.slack.waitFor('views.open');
    const view = opened.params.view as {
      callback_id: string;
      private_metadata: string;
      blocks: object[];
    };
    expect(opened.params.trigger_id).toBe('7.won.trigger');
    expect(view.callback_id).toBe('lead_won_modal');
    expect(JSON.stringify(view.blocks)).toContain('"block_id":"amount"');
    expectWithinSlackLimits(view.blocks, 'view');

    for (const bad of ['', '-5', '0', 'twelve', '1,20']) {
      const res = await post(t, wonSubmission(view.private_metadata, bad));
      expect(await res.json(), bad).toEqual({
        response_action: 'errors',
        errors: { amount: expect.stringMatching(/positive amount/) },
      });
    }
    const byOther = await post(t, wonSubmission(view.private_metadata, '1200', 'U0USER'));
    expect(((await byOther.json()) as { errors: { amount: string } }).errors.amount).toMatch(
      /Only <@U0ADMIN>/,
    );
    expect((await t.bot.deps.store.leads.get(lead!.id))?.won).toBeUndefined();

    const ok = await post(t, wonSubmission(view.private_metadata, '$1,200.50'));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('');
    const edit = await t.slack.waitFor('chat.update', (c) =>
      JSON.stringify(c.params.blocks).includes('Won'),
    );
    expect(JSON.stringify(edit.params.blocks)).toContain('$1,200.50, recorded by <@U0ADMIN>');
    expect((await t.bot.deps.store.leads.get(lead!.id))?.won).toMatchObject({
      amount: 1200.5,
      currency: 'USD',
      by: 'U0ADMIN',
    });

    const after = JSON.stringify(
      (await slashCommand(t, 'leads', 'funnel-2', 'U0ADMIN')).params.blocks,
    );
    expect(after).toContain('won *1* (100%)');
    expect(after).toContain('2026-11: $1,200.50 (1)');
    // Someone who is not an admin sees counts, not money.
    const other = JSON.stringify(
      (await slashCommand(t, 'leads', 'funnel-3', 'U0USER')).params.blocks,
    );
    expect(other).not.toContain('$1,200');
    expect(other).toContain('Won amounts are shown to admins only');

    // The App Home sums it up: counts for anyone, this month's amount for admins.
    const home = async (user: string) => {
      const before = t!.slack.callsTo('views.publish').length;
      const body = JSON.stringify({
        token: 'deprecated',
        team_id: 'T0TEAM',
        api_app_id: 'A0APP',
        type: 'event_callback',
        event_id: `Ev-${user}`,
        event_time: Math.floor(Date.now() / 1000),
        event: { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home' },
      });
      await fetch(`${t!.url}/slack/events`, {
        method: 'POST',
        body,
        headers: signedHeaders(SIGNING_SECRET, body, undefined, 'application/json'),
      });
      const publish = await t!.slack.waitFor(
        'views.publish',
        () => t!.slack.callsTo('views.publish').length > before,
      );
      const view = t!.slack.callsTo('views.publish').at(-1)!.params.view as { blocks: object[] };
      expectWithinSlackLimits(view.blocks, 'view');
      expect(publish).toBeDefined();
      return JSON.stringify(view.blocks);
    };
    const admin = await home('U0ADMIN');
    expect(admin).toContain('*Leads*\\n1 open · 1 validated · 1 won\\nWon this month: $1,200.50');
    expect(admin).toContain('`/gigs leads`');
    const user = await home('U0USER');
    expect(user).toContain('1 open · 1 validated · 1 won');
    expect(user).not.toContain('$1,200');
    // The opportunities and the drafts point to the funnel they feed, once each.
    expect(user.split('Where they go next (drafted → approved → sent')).toHaveLength(3);
  });
});
