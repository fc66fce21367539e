import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferedFetch } from '../src/http/buffered-fetch.ts';

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };
const seen: Seen[] = [];
const routes: Record<string, (res: ServerResponse) => void> = {
  '/json': (res) => {
    res.writeHead(201, 'Made', { 'content-type': 'application/json', 'x-twice': ['a', 'b'] });
    res.end('{"ok":true}');
  },
  '/empty': (res) => {
    res.writeHead(204);
    res.end();
  },
  '/gzip': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
    res.end(gzipSync('unzipped'));
  },
  '/moved': (res) => {
    res.writeHead(302, { location: '/json' });
    res.end();
  },
  '/hang': () => {},
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    routes[req.url ?? '']?.(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('bufferedFetch (Slack requests over node:http)', () => {
  it('sends method, headers and body, and answers like fetch', async () => {
    const res = await bufferedFetch(new URL(`${base}/json`), {
      method: 'post',
      headers: { 'Content-Type': 'application/json', 'X-Custom': '1' },
      body: '{"text":"hé"}',
    });
    expect(res.status).toBe(201);
    expect(res.statusText).toBe('Made');
    expect(res.ok).toBe(true);
    expect(res.url).toBe(`${base}/json`);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-twice')).toBe('a, b');
    expect(await res.json()).toEqual({ ok: true });
    const req = seen.at(-1)!;
    expect(req).toMatchObject({ method: 'POST', url: '/json', body: '{"text":"hé"}' });
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-custom']).toBe('1');
    expect(req.headers['content-length']).toBe(String(Buffer.byteLength('{"text":"hé"}')));
  });

  it('gives a null body for 204 and decodes a gzip body', async () => {
    const empty = await bufferedFetch(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    const zipped = await bufferedFetch(`${base}/gzip`);
    expect(await zipped.text()).toBe('unzipped');
    expect(zipped.headers.get('content-encoding')).toBeNull();
  });

  it('follows a redirect as fetch does, or rejects it with redirect: error', async () => {
    const followed = await bufferedFetch(`${base}/moved`);
    expect(followed.status).toBe(201);
    expect(followed.redirected).toBe(true);
    await expect(bufferedFetch(`${base}/moved`, { redirect: 'error' })).rejects.toThrow(
      /fetch failed/,
    );
  });

  it('rejects with the signal reason on timeout, and with "fetch failed" when nobody listens', async () => {
    const timedOut = bufferedFetch(`${base}/hang`, { signal: AbortSignal.timeout(50) });
    await expect(timedOut).rejects.toMatchObject({ name: 'TimeoutError' });
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    const refused = await bufferedFetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as TypeError).message).toBe('fetch failed');
    expect(((refused as TypeError).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('leaves bodies it does not send as text (file uploads) to global fetch', async () => {
    const form = new FormData();
    form.append('file', new Blob(['bytes']), 'a.txt');
    const res = await bufferedFetch(`${base}/json`, { method: 'POST', body: form });
    expect(res.status).toBe(201);
    expect(seen.at(-1)!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  });
});
