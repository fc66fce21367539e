import type { AddressInfo } from 'node:net';
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { type RunningBot, startGigops } from '../src/main.ts';
import { testEnv } from './support/env.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { githubHeaders } from './support/github-sign.ts';

// Socket Mode against a fake Slack: apps.connections.open hands out a ws://
// URL on loopback, where a WebSocket server plays Slack's side of the protocol
// (hello, envelopes, acks by envelope_id), written from Slack's Socket Mode docs.
let slack: FakeSlack;
let wss: WebSocketServer;
let socket: WebSocket | undefined;
let connected: Promise<WebSocket>;
let bot: RunningBot;
const acks: unknown[] = [];
const WEBHOOK_SECRET = 'socket-mode-webhook-secret';

beforeAll(async () => {
  slack = await new FakeSlack().start();
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  const wsUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  connected = new Promise((resolve) => {
    wss.on('connection', (ws) => {
      socket = ws;
      ws.on('message', (data) => acks.push(JSON.parse(String(data))));
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'fake', approximate_connection_time: 3600 },
          connection_info: { app_id: 'A0APP' },
        }),
      );
      resolve(ws);
    });
  });
  slack.responders.set('apps.connections.open', () => ({ ok: true, url: wsUrl }));
  const config = loadConfig(
    testEnv({
      SLACK_API_URL: slack.apiUrl,
      SLACK_APP_TOKEN: 'xapp-1-test',
      SLACK_SIGNING_SECRET: '',
      GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET,
    }),
    { readFile: () => '' },
  );
  bot = await startGigops({ config, logger: createLogger({ level: 'silent' }) });
});

afterAll(async () => {
  await bot.stop();
  for (const client of wss.clients) client.terminate();
  await new Promise((r) => wss.close(r));
  await slack.stop();
});

describe('Socket Mode', () => {
  it('connects with the app token and still serves /healthz and /metrics over HTTP', async () => {
    await connected;
    const open = slack.callsTo('apps.connections.open')[0]!;
    expect(open.headers.authorization).toBe('Bearer xapp-1-test');
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${bot.port}/metrics`)).status).toBe(200);
    // Slack events arrive over the socket, never over HTTP, in this mode.
    expect(
      (await fetch(`http://127.0.0.1:${bot.port}/slack/events`, { method: 'POST' })).status,
    ).toBe(404);
  });

  it('serves POST /github/webhook over HTTP, signature checked', async () => {
    const body = JSON.stringify(examples.find((e) => e.name === 'ping')!.examples[0]);
    const webhook = (secret: string) =>
      fetch(`http://127.0.0.1:${bot.port}/github/webhook`, {
        method: 'POST',
        body,
        headers: githubHeaders('ping', body, secret),
      });
    expect((await webhook('not-the-secret')).status).toBe(401);
    const ping = await webhook(WEBHOOK_SECRET);
    expect([ping.status, await ping.json()]).toEqual([200, { ignored: 'ping' }]);
  });

  it('acks a /gigs help envelope by its envelope_id and answers through response_url', async () => {
    const ws = await connected;
    ws.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          token: 'x',
          team_id: 'T0TEAM',
          channel_id: 'C0CHANNEL',
          user_id: 'U0USER',
          command: '/gigs',
          text: 'help',
          api_app_id: 'A0APP',
          response_url: slack.responseUrl('socket'),
          trigger_id: '1.2.3',
        },
      }),
    );
    const reply = await slack.waitFor('response_url:/respond/socket');
    expect(JSON.stringify(reply.params.blocks)).toContain('/gigs propose');
    expect(acks).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
    expect(socket).toBe(ws);
  });
});
