/** Slack mrkdwn needs &, < and > escaped in user text; our own <@U…> and links are added after. */
export const escapeMrkdwn = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
