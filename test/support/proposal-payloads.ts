import type { RecordedCall } from './fake-slack.ts';

/**
 * Interactivity payloads for the proposal flow, shaped after Slack's
 * documented block_actions and view_submission payloads (written from the
 * docs: Slack publishes no recorded examples on npm).
 */
// Every real press has its own action_ts; identical signed bodies would be
// refused as replays.
let pressCount = 0;

export function buttonPress(
  actionId: string,
  value: string,
  opts: { user?: string; channel?: string; messageTs?: string; triggerId?: string } = {},
) {
  const channel = opts.channel ?? 'C0CHANNEL';
  const messageTs = opts.messageTs ?? '1700000000.000100';
  return {
    type: 'block_actions',
    user: { id: opts.user ?? 'U0USER', username: 'jane', name: 'jane', team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false },
    trigger_id: opts.triggerId ?? '1111.2222.trigger',
    team: { id: 'T0TEAM', domain: 'acme' },
    channel: { id: channel, name: 'gigs' },
    message: { type: 'message', ts: messageTs, text: 'opportunities', user: 'U0BOT' },
    response_url: 'http://127.0.0.1:9/respond/unused',
    actions: [
      {
        action_id: actionId,
        block_id: 'b1',
        type: 'button',
        value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: `${1700000002 + ++pressCount}.000200`,
      },
    ],
  };
}

export function viewSubmission(
  callbackId: string,
  privateMetadata: string,
  values: Record<string, string | null>,
  user = 'U0USER',
) {
  const state: Record<string, Record<string, { type: string; value: string | null }>> = {};
  for (const [block, value] of Object.entries(values))
    state[block] = { value: { type: 'plain_text_input', value } };
  return {
    type: 'view_submission',
    team: { id: 'T0TEAM', domain: 'acme' },
    user: { id: user, username: 'jane', name: 'jane', team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'deprecated-verification-token',
    trigger_id: '3333.4444.trigger',
    view: {
      id: 'V0VIEW',
      team_id: 'T0TEAM',
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values: state },
      hash: '1700000000.abcdef',
      title: { type: 'plain_text', text: 'x' },
      blocks: [],
      app_id: 'A0APP',
      bot_id: 'B0BOT',
    },
  };
}

/** The draft id a posted draft's buttons carry. */
export function draftIdOf(call: RecordedCall): string {
  const blocks = call.params.blocks as Array<{
    type: string;
    elements?: Array<{ value?: string }>;
  }>;
  const actions = blocks.find((b) => b.type === 'actions');
  return actions!.elements![0]!.value!;
}
