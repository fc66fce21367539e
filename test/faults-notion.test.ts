import { APIResponseError } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { createNotion } from '../src/clients/notion.ts';
import { rateLimitedFetch } from '../src/clients/notion-rate-limit.ts';
import { silentLogger } from './support/delivery.ts';

/** Notion's documented error bodies (developers.notion.com, "Status codes"). */
const notionError = (status: number, code: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ object: 'error', status, code, message: code }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
const ok = () => new Response('{"object":"page","id":"p1","properties":{}}', { status: 200 });

/** A fetch that answers from a script, recording each call; waits are recorded, not slept. */
function scripted(answers: Array<() => Response>) {
  const calls: string[] = [];
  const waits: number[] = [];
  const inner = async (url: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
    return (answers.shift() ?? ok)();
  };
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  const notion = createNotion({
    token: 'secret_fault',
    baseUrl: 'http://notion.test',
    logger: silentLogger,
    fetch: inner as typeof fetch,
    rateLimit: { sleep, burst: 100 },
  });
  return { notion, calls, waits };
}

describe('Notion faults', () => {
  it('waits Retry-After on `rate_limited` (429), then succeeds', async () => {
    const s = scripted([() => notionError(429, 'rate_limited', { 'retry-after': '2' })]);
    await s.notion.pages.update({ page_id: 'p1', properties: {} });
    expect(s.calls).toEqual(['PATCH /v1/pages/p1', 'PATCH /v1/pages/p1']);
    expect(s.waits).toContain(2_000);
  });

  it('reports `rate_limited` after five retries instead of waiting forever', async () => {
    const limited = () => notionError(429, 'rate_limited', { 'retry-after': '1' });
    const s = scripted(Array.from({ length: 10 }, () => limited));
    const error = await s.notion.pages.retrieve({ page_id: 'p1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIResponseError);
    expect((error as APIResponseError).code).toBe('rate_limited');
    expect(s.calls).toHaveLength(6);
  });

  it('retries a read twice on `service_unavailable` (503) with back-off, then succeeds', async () => {
    const down = () => notionError(503, 'service_unavailable');
    const s = scripted([down, down]);
    await s.notion.pages.retrieve({ page_id: 'p1' });
    expect(s.calls).toHaveLength(3);
    expect(s.waits.filter((w) => w >= 500)).toEqual([500, 1_000]);
  });

  it('reports `service_unavailable` on a read after two retries', async () => {
    const down = () => notionError(503, 'service_unavailable');
    const s = scripted([down, down, down, down]);
    const error = await s.notion.pages.retrieve({ page_id: 'p1' }).catch((e: unknown) => e);
    expect((error as APIResponseError).code).toBe('service_unavailable');
    expect(s.calls).toHaveLength(3);
  });

  it('never retries a write on 5xx (it may have landed); the caller sees the error', async () => {
    const s = scripted([() => notionError(503, 'service_unavailable')]);
    const error = await s.notion.pages
      .update({ page_id: 'p1', properties: {} })
      .catch((e: unknown) => e);
    expect((error as APIResponseError).code).toBe('service_unavailable');
    expect(s.calls).toEqual(['PATCH /v1/pages/p1']);
  });

  it('times out a Notion that never answers', async () => {
    const hung = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const limited = rateLimitedFetch(hung);
    const { Client } = await import('@notionhq/client');
    const notion = new Client({
      auth: 'secret_fault',
      baseUrl: 'http://notion.test',
      timeoutMs: 50,
      retry: false,
      fetch: limited as unknown as typeof fetch,
    });
    await expect(notion.pages.retrieve({ page_id: 'p1' })).rejects.toThrow(/time/i);
  });
});
