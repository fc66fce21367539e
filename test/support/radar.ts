import type { FakeIssue } from './fake-github.ts';
import { interactionBody } from './slack-sign.ts';

/** `n` open issues with varied attention, ages and stars; number 1 carries a bounty. */
export function radarIssues(n: number, now: Date): FakeIssue[] {
  const ago = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
  return Array.from({ length: n }, (_, k) => ({
    repo: k % 3 === 0 ? 'acme/rpc' : `org${k}/service`,
    number: k + 1,
    title:
      k % 3 === 0 ? `grpc stream stalls under load (${k + 1})` : `Retry budget leaks (${k + 1})`,
    body: k === 0 ? 'Reproducer inside.\n\n💎 $500 bounty' : 'Steps to reproduce…',
    labels: k % 2 === 0 ? ['help wanted', 'bug'] : ['help wanted'],
    comments: k === 0 ? 40 : 6 + ((k * 7) % 30),
    createdAt: ago(30 + k * 11),
    stars: 600 + k * 1_500,
    recentComments: [
      { authorAssociation: 'MEMBER', createdAt: ago(20 + ((k * 13) % 60)) },
      { authorAssociation: 'NONE', createdAt: ago(k % 10) },
    ],
  }));
}

export interface PressOptions {
  actionId: string;
  value: string;
  message: { ts: string; text?: string; blocks: unknown };
  responseUrl: string;
  channel?: string;
}

/** A block_actions payload as Slack posts it when a button in a message is pressed. */
// Every real press has its own action_ts; identical signed bodies would be
// refused as replays.
let pressCount = 0;

export function buttonPress({
  actionId,
  value,
  message,
  responseUrl,
  channel = 'C0CHANNEL',
}: PressOptions) {
  return interactionBody({
    type: 'block_actions',
    token: 'deprecated-verification-token',
    api_app_id: 'A0APP',
    team: { id: 'T0TEAM', domain: 'acme' },
    user: { id: 'U0USER', username: 'jane', name: 'jane', team_id: 'T0TEAM' },
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: channel,
      is_ephemeral: false,
    },
    trigger_id: '1234.5678.abcdef',
    channel: { id: channel, name: 'gigs' },
    message: { type: 'message', ts: message.ts, text: message.text ?? '', blocks: message.blocks },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b',
        value,
        action_ts: `${1700000000 + ++pressCount}.1`,
      },
    ],
  });
}
