import { createHmac, randomUUID } from 'node:crypto';

/** Signs a body as GitHub does: sha256= + hex HMAC-SHA256 of the raw body. */
export const githubSignature = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export function githubHeaders(
  event: string,
  body: string,
  secret: string | undefined,
  delivery: string = randomUUID(),
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/test',
    'x-github-event': event,
    'x-github-delivery': delivery,
    ...(secret ? { 'x-hub-signature-256': githubSignature(secret, body) } : {}),
  };
}
