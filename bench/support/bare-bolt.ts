/**
 * The baseline of the ack and memory benches: a bare Bolt app in its own
 * process, with the same HTTPReceiver the bot uses, that only acks. It answers
 * /gigs, the radar's buttons, GET /healthz and POST /github/webhook (the body
 * read and its X-Hub-Signature-256 checked, as any webhook receiver must).
 * Prints `{"port":N}` once listening. Env: SLACK_SIGNING_SECRET,
 * GITHUB_WEBHOOK_SECRET, SLACK_API_URL; NODE_COMPILE_CACHE (processes.ts sets
 * it) so that, like the bot, it does not pay for Node's type stripper.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { flushCompileCache } from 'node:module';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const secret = process.env.GITHUB_WEBHOOK_SECRET ?? '';
const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  endpoints: '/slack/events',
  logLevel: LogLevel.ERROR,
  customRoutes: [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ready"}');
      },
    },
    {
      path: '/github/webhook',
      method: 'POST',
      handler: async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const mac = `sha256=${createHmac('sha256', secret).update(Buffer.concat(chunks)).digest('hex')}`;
        const given = String(req.headers['x-hub-signature-256'] ?? '');
        const ok =
          given.length === mac.length && timingSafeEqual(Buffer.from(given), Buffer.from(mac));
        res.writeHead(ok ? 202 : 401, { 'content-type': 'application/json' });
        res.end(ok ? '{"accepted":true}' : '{"error":"invalid_signature"}');
      },
    },
  ],
});
// Token verification on (the default), as in the bot: auth.test once at start.
// With it off, Bolt calls auth.test on every request, which no bot should do.
const app = new App({
  token: 'xoxb-bare',
  receiver,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? 'http://127.0.0.1:9/api/' },
  logLevel: LogLevel.ERROR,
});
app.command('/gigs', async ({ ack }) => {
  await ack();
});
app.action(/^opportunity_/, async ({ ack }) => {
  await ack();
});
const server = await receiver.start(Number(process.env.PORT ?? 0));
// Like the bot (bin/gigops.js, cli.ts): a warm start skips type stripping.
flushCompileCache();
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
process.on('SIGTERM', () => {
  void receiver.stop().then(() => process.exit(0));
});
