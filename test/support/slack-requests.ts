import { expect } from 'vitest';
import type { TestBot } from './bot.ts';
import { SIGNING_SECRET } from './env.ts';
import { interactionBody, signedHeaders, slashCommandBody } from './slack-sign.ts';

/** POSTs a body to the bot's /slack/events, signed as Slack signs it; Slack wants a 200. */
export async function postSigned(t: Pick<TestBot, 'url'>, body: string): Promise<void> {
  const res = await fetch(`${t.url}/slack/events`, {
    method: 'POST',
    body,
    headers: signedHeaders(SIGNING_SECRET, body),
  });
  expect(res.status).toBe(200);
}

/** `/gigs <text>` typed by `user`; resolves with the answer posted to response_url `name`. */
export async function slashCommand(t: TestBot, text: string, name: string, user = 'U0USER') {
  await postSigned(t, slashCommandBody(text, t.slack.responseUrl(name), { user_id: user }));
  return t.slack.waitFor(`response_url:/respond/${name}`);
}

/** One action (`{ type, action_id, value… }`) pressed by `user` on a message in C0CHANNEL. */
export function blockActionsBody(
  t: TestBot,
  action: object,
  { user = 'U0USER', name }: { user?: string; name: string },
): string {
  return interactionBody({
    type: 'block_actions',
    team: { id: 'T0TEAM', domain: 'acme' },
    user: { id: user, name: 'someone', team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'deprecated',
    trigger_id: '1.2.3',
    container: { type: 'message', message_ts: '1.1', channel_id: 'C0CHANNEL' },
    channel: { id: 'C0CHANNEL', name: 'gigs' },
    message: { ts: '1.1', text: 'Opportunities', blocks: [] },
    response_url: t.slack.responseUrl(name),
    actions: [{ action_ts: '1', block_id: 'b', ...action }],
  });
}

/** Presses `action` as `user`; resolves with the answer posted to response_url `name`. */
export async function pressAction(t: TestBot, action: object, name: string, user = 'U0USER') {
  await postSigned(t, blockActionsBody(t, action, { user, name }));
  return t.slack.waitFor(`response_url:/respond/${name}`);
}

/** The snapshot's Post now button for client `acme`. */
export const POST_NOW_ACME = { type: 'button', action_id: 'snapshot_post', value: 'acme' };
