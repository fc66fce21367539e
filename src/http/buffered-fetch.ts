import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/**
 * `fetch` for the small requests gigops makes to Slack on every interaction
 * (Web API calls, answers to a `response_url`): node:http(s) over the default
 * keep-alive agents, the whole answer read, then handed back as a `Response`.
 *
 * Why not global fetch: undici registers every Response it returns in a
 * FinalizationRegistry (to cancel bodies nobody reads). V8's young-generation
 * GC treats registered objects as live, so each Response — with its headers,
 * body stream and request state — survives it and is promoted to the old
 * generation, which only a full GC empties. Under a burst of slash commands
 * that promoted ~7 MiB per young GC: the young generation grew to its
 * 128 MiB maximum and the old one filled with garbage (RSS 358 MiB after
 * 10,000 `/gigs help`, bare Bolt 128 MiB). A `new Response(bytes)` is not
 * registered, so it dies young.
 *
 * What it does not handle exactly as fetch — a Request object, a body that is
 * not a string (FormData uploads), a protocol other than http(s), a redirect
 * to follow — goes to global fetch. Failures reject as fetch's do: a TypeError
 * "fetch failed" with the cause, or the signal's reason when aborted.
 */
export const bufferedFetch: typeof fetch = (input, init) => {
  const body = init?.body ?? undefined;
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
  const lib = url?.startsWith('https:') ? https : url?.startsWith('http:') ? http : undefined;
  if (!url || !lib || (body !== undefined && typeof body !== 'string')) {
    return globalThis.fetch(input, init);
  }
  return send(lib, url, init ?? {}, body).then((res) => res ?? globalThis.fetch(input, init));
};

const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const decoders: Record<string, (b: Buffer) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

/** Resolves undefined for a redirect to follow: the caller re-sends the request with fetch. */
function send(
  lib: typeof http | typeof https,
  url: string,
  init: RequestInit,
  body: string | undefined,
): Promise<Response | undefined> {
  const { signal } = init;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const headers: Record<string, string> = { accept: '*/*' };
  for (const [name, value] of new Headers(init.headers)) headers[name] = value;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const failed = (error: unknown) => reject(new TypeError('fetch failed', { cause: error }));
    const req = lib.request(url, { method: (init.method ?? 'GET').toUpperCase(), headers });
    const abort = () => {
      req.destroy();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => signal?.removeEventListener('abort', abort);
    req.on('error', (error) => {
      done();
      failed(error);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => {
        done();
        failed(error);
      });
      res.on('end', () => {
        done();
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          if (init.redirect === 'error') failed(new Error('unexpected redirect'));
          else resolve(undefined);
          return;
        }
        const raw = Buffer.concat(chunks);
        const decode = decoders[String(res.headers['content-encoding'] ?? '').toLowerCase()];
        (decode && raw.length > 0 ? decode(raw) : Promise.resolve(raw))
          .then((decoded) => resolve(respond(url, res, decoded)))
          .catch(failed);
      });
    });
    req.end(body);
  });
}

function respond(url: string, res: http.IncomingMessage, body: Buffer): Response {
  const status = res.statusCode ?? 0;
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    const name = res.rawHeaders[i]!;
    // The body is decoded here, as fetch does: its length and encoding no longer apply.
    if (/^content-(encoding|length)$/i.test(name) && res.headers['content-encoding']) continue;
    headers.append(name, res.rawHeaders[i + 1]!);
  }
  const response = new Response(NULL_BODY.has(status) || body.length === 0 ? null : body, {
    status,
    statusText: res.statusMessage ?? '',
    headers,
  });
  // fetch's answers carry their URL (the Web API client reads it); a built Response's is ''.
  Object.defineProperty(response, 'url', { value: url });
  return response;
}
