import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postText } from './fixtures/proposals/index.ts';
import { startTestBot, type TestBot } from './support/bot.ts';
import { SIGNING_SECRET } from './support/env.ts';
import { FakeGitHubIssues } from './support/fake-github-issues.ts';
import type { RecordedCall } from './support/fake-slack.ts';
import { buttonPress, draftIdOf } from './support/proposal-payloads.ts';
import { expectWithinSlackLimits } from './support/slack-limits.ts';
import { interactionBody, signedHeaders, slashCommandBody } from './support/slack-sign.ts';

/**
 * The paste modal (issue 21, step 5; PRODUCT.md `proposal_paste_modal`):
 * `/gigs propose` with no argument or a job URL that is not GitHub opens it;
 * a pasted post becomes an opportunity of the `post` source and is drafted by
 * the same composer, through signed requests against the fake Slack.
 */
const YAML = `
proposals:
  approvers: [U0BOSS]
  hourlyRate: 90
  currency: USD
  signature: Jane Doe — Go engineer
  about: Nine years of Go.
`;

let gh: FakeGitHubIssues;
const bots: TestBot[] = [];
beforeAll(async () => {
  gh = await new FakeGitHubIssues().start();
});
afterEach(async () => {
  while (bots.length) await bots.pop()!.close();
});
afterAll(async () => {
  await gh.stop();
});

async function bot(yaml = YAML): Promise<TestBot> {
  const t = await startTestBot(yaml, { GITHUB_API_URL: gh.url });
  bots.push(t);
  return t;
}

const signed = (t: TestBot, body: string) =>
  fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });

/** `/gigs <text>`; resolves with the modal it opened. */
async function command(t: TestBot, text: string, trigger = '1234.5678.abcdef') {
  const res = await signed(
    t,
    slashCommandBody(text, t.slack.responseUrl('r1'), { trigger_id: trigger }),
  );
  expect(res.status).toBe(200);
  return t.slack.waitFor('views.open', (c) => c.params.trigger_id === trigger);
}

let submissions = 0;
/** The modal submitted with `text` in job/text and `url` in url/url. */
function submit(t: TestBot, metadata: string, text: string | null, url: string | null = null) {
  submissions += 1;
  return signed(
    t,
    interactionBody({
      type: 'view_submission',
      team: { id: 'T0TEAM', domain: 'acme' },
      user: { id: 'U0USER', username: 'jane', name: 'jane', team_id: 'T0TEAM' },
      api_app_id: 'A0APP',
      token: 'deprecated-verification-token',
      trigger_id: `3333.${submissions}.trigger`,
      view: {
        id: `V0VIEW${submissions}`,
        team_id: 'T0TEAM',
        type: 'modal',
        callback_id: 'proposal_paste_modal',
        private_metadata: metadata,
        state: {
          values: {
            job: { text: { type: 'plain_text_input', value: text } },
            url: { url: { type: 'plain_text_input', value: url } },
          },
        },
        hash: `1700000000.${submissions}`,
        title: { type: 'plain_text', text: 'x' },
        blocks: [],
        app_id: 'A0APP',
        bot_id: 'B0BOT',
      },
    }),
  );
}

const viewOf = (c: RecordedCall) =>
  c.params.view as {
    callback_id: string;
    private_metadata: string;
    blocks: Array<{
      block_id: string;
      optional?: boolean;
      element: { action_id: string; multiline?: boolean; initial_value?: string };
    }>;
  };

const fieldErrors = async (res: Response) => {
  expect(res.status).toBe(200);
  const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
  expect(body.response_action).toBe('errors');
  return body.errors;
};

const isDraft = (c: RecordedCall) =>
  JSON.stringify(c.params.blocks ?? '').includes('proposal_approve');

describe('/gigs propose opens the paste modal', () => {
  it('with no argument: the post’s text (required, multiline) and its URL (optional)', async () => {
    const t = await bot();
    const open = await command(t, 'propose');
    const view = viewOf(open);
    expect(view.callback_id).toBe('proposal_paste_modal');
    expect(view.blocks.map((b) => [b.block_id, b.element.action_id, Boolean(b.optional)])).toEqual([
      ['job', 'text', false],
      ['url', 'url', true],
    ]);
    expect(view.blocks[0]!.element.multiline).toBe(true);
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: 'C0CHANNEL' });
    expectWithinSlackLimits((open.params.view as { blocks: object[] }).blocks, 'view');
  });

  it('with a job URL elsewhere (Upwork cannot be fetched): the modal, the link filled in', async () => {
    const t = await bot();
    const open = await command(t, 'propose <https://www.upwork.com/jobs/~01abc>', '9.9.9');
    expect(viewOf(open).blocks[1]!.element.initial_value).toBe(
      'https://www.upwork.com/jobs/~01abc',
    );
    // Nothing was fetched: the modal asks for the text.
    expect(gh.calls.filter((c) => c.path.includes('upwork'))).toHaveLength(0);
  });

  it('a GitHub URL that is not an issue still gets the usage answer, not the modal', async () => {
    const t = await bot();
    const res = await signed(
      t,
      slashCommandBody('propose https://github.com/acme/pool/pull/3', t.slack.responseUrl('u1')),
    );
    expect(res.status).toBe(200);
    const answer = await t.slack.waitFor('response_url:/respond/u1');
    expect(JSON.stringify(answer.params)).toContain('issue');
    expect(t.slack.callsTo('views.open')).toHaveLength(0);
  });
});

describe('the paste modal submitted', () => {
  it('refuses an empty post, one over 20,000 characters, a bare link and a bad URL, next to the field', async () => {
    const t = await bot();
    const meta = viewOf(await command(t, 'propose')).private_metadata;
    expect((await fieldErrors(await submit(t, meta, '   '))).job).toContain(
      'Paste the job post’s text',
    );
    expect((await fieldErrors(await submit(t, meta, null))).job).toContain(
      'Paste the job post’s text',
    );
    expect((await fieldErrors(await submit(t, meta, 'x'.repeat(20_001)))).job).toContain(
      '20,001 characters, at most 20,000',
    );
    expect(
      (await fieldErrors(await submit(t, meta, ' https://www.upwork.com/jobs/~01abc \n'))).job,
    ).toContain('That is only a link');
    const both = await fieldErrors(
      await submit(t, meta, 'Fix our Go service', 'javascript:alert(1)'),
    );
    expect(Object.keys(both)).toEqual(['url']);
    // Nothing was kept or drafted.
    expect(t.slack.callsTo('chat.postMessage').filter(isDraft)).toHaveLength(0);
  });

  it('drafts a fixed-price post: greeting by name, the problem in their words first, the budget met, plain text to paste', async () => {
    const t = await bot();
    const meta = viewOf(await command(t, 'propose')).private_metadata;
    const res = await submit(
      t,
      meta,
      postText('fixed-500-webhooks'),
      'https://www.upwork.com/jobs/~01abc',
    );
    expect(res.status).toBe(200);
    // The modal closes: an empty ack.
    expect(await res.text()).toBe('');
    const draft = await t.slack.waitFor('chat.postMessage', isDraft);
    expectWithinSlackLimits(draft.params.blocks as object[]);
    const json = JSON.stringify(draft.params.blocks);
    expect(json).toContain(
      'Hi Sarah,\\nIn your words: \\"Go developer to fix our Stripe webhook handler\\"',
    );
    expect(json).toContain('Your budget is $500 fixed');
    expect(json).toContain('this job post');
    expect(draft.params.channel).toBe('C0CHANNEL');
    // A pasted post is an opportunity of the post source, never listed.
    const id = draftIdOf(draft);
    const record = await t.bot.deps.store.proposals.get(id);
    expect(record?.opportunityId).toMatch(/^post:[0-9a-f]{20}$/);
    const opportunity = await t.bot.deps.store.opportunities.get(record!.opportunityId);
    expect(opportunity).toMatchObject({
      source: 'post',
      title: '',
      url: 'https://www.upwork.com/jobs/~01abc',
    });

    // Approved: plain text for Upwork, no Comment on GitHub.
    const approve = await signed(
      t,
      interactionBody(buttonPress('proposal_approve', id, { user: 'U0BOSS' })),
    );
    expect(approve.status).toBe(200);
    const approved = await t.slack.waitFor('chat.update', (c) =>
      JSON.stringify(c.params.blocks ?? '').includes('Approved by'),
    );
    const blocks = approved.params.blocks as Array<{
      type: string;
      text?: { type: string; text: string };
    }>;
    const text = blocks.find((b) => b.type === 'section')!.text!;
    expect(text.type).toBe('plain_text');
    expect(
      text.text.startsWith(
        'Hi Sarah,\nIn your words: "Go developer to fix our Stripe webhook handler"',
      ),
    ).toBe(true);
    expect(text.text).not.toMatch(/`|```/);
    expect(text.text.length).toBeLessThan(1200);
    expect(JSON.stringify(blocks)).toContain('Upwork’s terms forbid automated submission');
    expect(JSON.stringify(blocks)).not.toContain('proposal_comment');
    // Proposed on (recorded once the draft was posted): the radar never lists it.
    expect(
      (await t.bot.deps.store.opportunities.get(record!.opportunityId))?.proposedAt,
    ).toBeInstanceOf(Date);
  });

  it('points the same post pasted again to its open draft', async () => {
    const t = await bot();
    const meta = viewOf(await command(t, 'propose')).private_metadata;
    await submit(t, meta, postText('hourly-grpc'));
    await t.slack.waitFor('chat.postMessage', isDraft);
    // The same text, spaced differently.
    await submit(t, meta, `  ${postText('hourly-grpc').replace(/\n/g, '\n\n')}  `);
    const told = await t.slack.waitFor('chat.postEphemeral', (c) =>
      String(c.params.text).includes('already an open draft for this job post'),
    );
    expect(told.params.user).toBe('U0USER');
    expect(t.slack.callsTo('chat.postMessage').filter(isDraft)).toHaveLength(1);
  });

  it('drafts a post in another language in `locale`, and says so', async () => {
    const t = await bot();
    const meta = viewOf(await command(t, 'propose')).private_metadata;
    await submit(t, meta, postText('chinese-kafka'));
    const draft = await t.slack.waitFor('chat.postMessage', isDraft);
    const json = JSON.stringify(draft.params.blocks);
    expect(json).toContain('My plan:');
    expect(json).toContain('order-events');
    const note = await t.slack.waitFor('chat.postEphemeral', (c) =>
      String(c.params.text).includes('The post is not in English'),
    );
    expect(note.params.user).toBe('U0USER');
  });

  it('answers each question the post asks applicants', async () => {
    const t = await bot();
    const meta = viewOf(await command(t, 'propose')).private_metadata;
    await submit(t, meta, postText('questions-s3-cli'));
    const draft = await t.slack.waitFor('chat.postMessage', isDraft);
    const json = JSON.stringify(draft.params.blocks);
    for (const q of [
      'Have you built CLIs with cobra before?',
      'How long would this take you?',
      'How would you test the sync logic without a real bucket?',
    ])
      expect(json).toContain(q);
    expect(json).toMatch(/About \d working days?/);
  });

  it('says so when a post is no longer kept, and drafts nothing', async () => {
    const t = await bot();
    const press = interactionBody(buttonPress('opportunity_draft', `post:${'0'.repeat(20)}`));
    expect((await signed(t, press)).status).toBe(200);
    await t.slack.waitFor('chat.postEphemeral', (c) =>
      String(c.params.text).includes('This job post is no longer kept'),
    );
    expect(t.slack.callsTo('chat.postMessage').filter(isDraft)).toHaveLength(0);
    expect(await t.bot.deps.store.proposals.openDraftFor(`post:${'0'.repeat(20)}`)).toBeUndefined();
  });
});
