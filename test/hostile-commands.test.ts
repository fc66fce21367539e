import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from './support/bot.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { buttonPress } from './support/proposal-payloads.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';
import { interactionBody, signedHeaders, slashCommandBody } from './support/slack-sign.ts';

/**
 * `/gigs` fed what an attacker (or a slip of the paste) would type, through
 * signed requests (issue 18, items 9 and 10): a URL that is not a GitHub
 * issue never becomes a GitHub request, and the usage answer names the token,
 * clipped and escaped, within Slack's limits.
 */

let github: FakeGitHub;
let t: TestBot;
beforeAll(async () => {
  github = await new FakeGitHub().start();
  t = await startTestBot('', { GITHUB_TOKEN: 'ghp_test', GITHUB_API_URL: github.url });
  // Start-up checks the token once (GET /rate_limit), on its own time: let it land first.
  while (!github.requests.some((r) => r.path === '/rate_limit'))
    await new Promise((r) => setTimeout(r, 10));
});
afterAll(async () => {
  await t.close();
  await github.stop();
});

let n = 0;
async function gigs(text: string) {
  n += 1;
  const body = slashCommandBody(text, t.slack.responseUrl(`r${n}`));
  const res = await fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });
  expect(res.status).toBe(200);
  const reply = await t.slack.waitFor(`response_url:/respond/r${n}`);
  const blocks = reply.params.blocks as object[];
  expectWithinSlackLimits(blocks);
  return { text: String(reply.params.text), blocks: JSON.stringify(blocks) };
}

describe('/gigs propose with a URL that is not a GitHub issue', () => {
  it.each([
    ['.. as owner', 'https://github.com/../rate_limit/issues/1', 'names no repository'],
    ['.. as repository', 'https://github.com/acme/../issues/1', 'names no repository'],
    [
      'a number past 2^53',
      'https://github.com/acme/api/issues/99999999999999999999999',
      'no valid issue number',
    ],
    ['issue 0', 'https://github.com/acme/api/issues/0', 'no valid issue number'],
    ['a pull request', 'https://github.com/acme/api/pull/3', 'is not a GitHub issue URL'],
    [
      'credentials in the URL',
      'https://user:pw@github.com/acme/api/issues/1',
      'is not a GitHub issue URL',
    ],
  ])('%s gets usage naming it, and GitHub is never asked', async (_label, url, problem) => {
    const before = github.requests.length;
    const reply = await gigs(`propose ${url}`);
    expect(reply.text).toContain(problem);
    expect(reply.text).toContain(url.slice(0, 40));
    expect(github.requests.slice(before).map((r) => r.path)).toEqual([]);
  });
});

describe('/gigs propose with a job URL that is not GitHub’s', () => {
  it.each([
    ['another host', 'https://gitlab.com/acme/api/-/issues/1'],
    ['a look-alike host', 'https://github.com.evil.example/acme/api/issues/1'],
  ])('%s opens the paste modal with the link, and nothing is fetched', async (_label, url) => {
    const before = github.requests.length;
    n += 1;
    const trigger = `7.${n}.trigger`;
    const body = slashCommandBody(`propose ${url}`, t.slack.responseUrl(`r${n}`), {
      trigger_id: trigger,
    });
    const res = await fetch(`${t.url}/slack/events`, {
      method: 'POST',
      body,
      headers: signedHeaders(SIGNING_SECRET, body),
    });
    expect(res.status).toBe(200);
    const open = await t.slack.waitFor('views.open', (c) => c.params.trigger_id === trigger);
    const view = open.params.view as { callback_id: string; blocks: object[] };
    expect(view.callback_id).toBe('proposal_paste_modal');
    expect(JSON.stringify(view.blocks)).toContain(`"initial_value":"${url}"`);
    expectWithinSlackLimits(view.blocks, 'view');
    expect(github.requests.slice(before).map((r) => r.path)).toEqual([]);
  });
});

describe('echoed input', () => {
  it('is clipped: a 5,000-character argument gets a usage answer within Slack’s limits', async () => {
    const long = `min-stars:${'9'.repeat(5000)}`;
    const reply = await gigs(long);
    expect(reply.text).toContain('min-stars:999');
    expect(reply.blocks.length).toBeLessThan(3000);
    const propose = await gigs(`propose https://gitlab.com/${'a'.repeat(5000)}/issues/1`);
    expect(propose.text).toContain('https://gitlab.com/aaa');
    expect(propose.text).toContain('…');
    const words = await gigs('word '.repeat(1000));
    expect(words.text).toContain("GitHub's search takes 200 at most");
  });

  it('is clipped and text where the radar repeats the filters it found nothing for', async () => {
    const typed = `<!channel> ${'z'.repeat(150)}`;
    const reply = await gigs(typed);
    expect(reply.text).toContain('Nothing matches');
    expect(reply.text).toContain('&lt;!channel&gt; zzz');
    expect(reply.text).not.toContain('<!channel>');
    expect(reply.text.length).toBeLessThan(typed.length + 200);
  });

  it('is clipped and text in the answer to a Draft button with a bad value', async () => {
    const value = `<!channel> ${'x'.repeat(1900)}`;
    const body = interactionBody(buttonPress('opportunity_draft', value, { user: 'U0HOSTILE' }));
    const res = await fetch(`${t.url}/slack/events`, {
      method: 'POST',
      body,
      headers: signedHeaders(SIGNING_SECRET, body),
    });
    expect(res.status).toBe(200);
    const told = await t.slack.waitFor('chat.postEphemeral', (c) => c.params.user === 'U0HOSTILE');
    const text = String(told.params.text);
    expect(text).toContain('is not an opportunity id');
    expect(text).toContain('&lt;!channel&gt; xxx');
    expect(text).not.toContain('<!channel>');
    expect(text.length).toBeLessThan(200);
  });

  it('is text: a token with a mention or a link stays text', async () => {
    const reply = await gigs('snapshot <!channel>');
    expect(reply.text).toContain('&lt;!channel&gt;');
    expect(reply.text).not.toContain('<!channel>');
    const filter = await gigs('colour:<https://evil.example|click>');
    expect(filter.blocks).not.toContain('<https://evil.example|click>');
  });
});
