import { createHmac } from 'node:crypto';

/** Signs a body as Slack does: v0=hex(HMAC-SHA256(secret, `v0:${ts}:${body}`)). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function signedHeaders(
  secret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
  contentType = 'application/x-www-form-urlencoded',
): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(secret, timestamp, body),
  };
}

/** A slash command body as Slack posts it (form-encoded). */
export function slashCommandBody(
  text: string,
  responseUrl: string,
  extra: Record<string, string> = {},
) {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0TEAM',
    team_domain: 'acme',
    channel_id: 'C0CHANNEL',
    channel_name: 'gigs',
    user_id: 'U0USER',
    user_name: 'jane',
    command: '/gigs',
    text,
    api_app_id: 'A0APP',
    response_url: responseUrl,
    trigger_id: '1234.5678.abcdef',
    ...extra,
  }).toString();
}

/** An interactivity payload (button press, view submission) as Slack posts it. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
