import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LLM_MAX_BYTES, LlmLimitError, polishProse } from '../src/features/proposals/llm.ts';

/**
 * An LLM endpoint is untrusted like any other (issue 18, item 12): a 30 MB
 * answer cost 180 MB of memory. Now an answer is read up to a cap and within
 * a time limit; past either the call fails and the connection is dropped.
 */

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** A fake /chat/completions; `written` counts the bytes it managed to send. */
async function fakeLlm(
  answer: (res: import('node:http').ServerResponse, sent: { bytes: number }) => void,
) {
  const sent = { bytes: 0 };
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res, sent));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1`, sent };
}

const input = { locale: 'en' as const, problem: 'p', plan: 'q' };
const MB = 1024 * 1024;

describe('polishProse', () => {
  it('refuses an answer that declares 30 MB without reading it', async () => {
    const { url, sent } = await fakeLlm((res, s) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(30 * MB) });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (s.bytes < 30 * MB) {
          s.bytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    await expect(
      polishProse({ baseUrl: url, model: 'm', apiKey: undefined }, input),
    ).rejects.toSatisfy(
      (e) =>
        e instanceof LlmLimitError &&
        e.limit === 'size' &&
        e.message.includes('too large (31457280 bytes; at most 262144)'),
    );
    // Well short of 30 MB went out before the connection was dropped.
    await new Promise((r) => setTimeout(r, 50));
    expect(sent.bytes).toBeLessThan(10 * MB);
  });

  it('stops reading a streamed answer at the cap, however long it would run', async () => {
    const { url, sent } = await fakeLlm((res, s) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const pump = () => {
        while (s.bytes < 30 * MB && !res.destroyed) {
          s.bytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => {});
      pump();
    });
    await expect(
      polishProse({ baseUrl: url, model: 'm', apiKey: undefined }, input),
    ).rejects.toSatisfy(
      (e) =>
        e instanceof LlmLimitError &&
        e.limit === 'size' &&
        e.message.includes(`over ${LLM_MAX_BYTES} bytes`),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(sent.bytes).toBeLessThan(10 * MB);
  });

  it('gives up on an endpoint that never answers, at its time limit', async () => {
    const { url } = await fakeLlm(() => {});
    await expect(
      polishProse({ baseUrl: url, model: 'm', apiKey: undefined, timeoutMs: 200 }, input),
    ).rejects.toMatchObject({ name: 'LlmLimitError', limit: 'time' });
  });

  it('gives up on an answer that drips past its time limit', async () => {
    const { url } = await fakeLlm((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"choices": [');
      // …and nothing more.
    });
    await expect(
      polishProse({ baseUrl: url, model: 'm', apiKey: undefined, timeoutMs: 200 }, input),
    ).rejects.toMatchObject({ name: 'LlmLimitError', limit: 'time' });
  });

  it('still reads a normal answer', async () => {
    const content = JSON.stringify({ problem: 'Clearer problem.', plan: 'Clearer plan.' });
    const { url } = await fakeLlm((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
    });
    expect(await polishProse({ baseUrl: url, model: 'm', apiKey: undefined }, input)).toEqual({
      problem: 'Clearer problem.',
      plan: 'Clearer plan.',
    });
  });
});
