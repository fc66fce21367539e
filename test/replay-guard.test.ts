import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { rejectReplays } from '../src/http/replay-guard.ts';
import { createHttpServer, type Handler } from '../src/http/server.ts';
import { Lifecycle } from '../src/lifecycle.ts';
import { createLogger } from '../src/log.ts';

const WINDOW = 5 * 60_000;
const signature = (body: string) =>
  `v0=${createHmac('sha256', 'replay-test').update(body).digest('hex')}`;

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

/** The guard in front of a handler that answers `status`, on a real server; the clock is ours. */
async function guarded(status = 200) {
  const clock = { now: 1_800_000_000_000 };
  const ran: string[] = [];
  const inner: Handler = async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    ran.push(body);
    res.writeHead(status).end();
  };
  const lifecycle = new Lifecycle();
  lifecycle.phase = 'ready';
  const server = createHttpServer({
    routes: { 'POST /slack/events': rejectReplays(inner, WINDOW, () => clock.now) },
    lifecycle,
    logger: createLogger({ level: 'silent' }),
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  stop = () => new Promise<void>((r) => server.close(() => r()));
  const send = async (body: string, sig = signature(body)) =>
    (await fetch(url, { method: 'POST', body, headers: { 'x-slack-signature': sig } })).status;
  return { clock, ran, send };
}

describe('rejectReplays', () => {
  it('refuses the same signature again within the window, and runs it once', async () => {
    const t = await guarded();
    expect(await t.send('command=/gigs&text=help')).toBe(200);
    t.clock.now += WINDOW - 1;
    expect(await t.send('command=/gigs&text=help')).toBe(401);
    expect(await t.send('command=/gigs&text=list')).toBe(200);
    expect(t.ran).toEqual(['command=/gigs&text=help', 'command=/gigs&text=list']);
  });

  it('forgets a signature once the whole window has passed', async () => {
    const t = await guarded();
    expect(await t.send('a')).toBe(200);
    // Kept at least the window, and at most a fifth of it longer.
    t.clock.now += WINDOW + WINDOW / 5;
    expect(await t.send('a')).toBe(200);
    expect(t.ran).toEqual(['a', 'a']);
  });

  it('does not remember a request that was refused, nor a signature that is not hex', async () => {
    const refused = await guarded(401);
    expect(await refused.send('b')).toBe(401);
    expect(await refused.send('b')).toBe(401);
    expect(refused.ran).toEqual(['b', 'b']);
    await stop?.();

    const t = await guarded();
    expect(await t.send('c', 'v0=not-a-hex-signature-at-all')).toBe(200);
    expect(await t.send('d', 'v0=not-a-hex-signature-at-all')).toBe(200);
    expect(t.ran).toEqual(['c', 'd']);
  });
});
