/**
 * The load generator, in its own process (forked by the ack bench): it fires
 * each burst of prepared requests at once and answers with the latency of each.
 * Apart from the bench process, whose fakes answer the bot's follow-up calls,
 * so serving those never delays the clock that times the acks.
 * Message in: { id, url, requests: [{ path, body, headers, ok }] };
 * out: { id, latencies } or { id, error }.
 */
import { Agent, request } from 'node:http';

export interface Prepared {
  path: string;
  body: string;
  headers: Record<string, string>;
  ok: number;
}

interface Job {
  id: number;
  url: string;
  requests: Prepared[];
}

// node:http with kept-alive sockets, not fetch: far less work per request in
// this process, so a burst of requests leaves within a fraction of a millisecond.
const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

function fire(url: string, { path, body, headers, ok }: Prepared): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(`${url}${path}`, {
      method: 'POST',
      agent,
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => {
        const ms = performance.now() - t0;
        if (res.statusCode === ok) resolve(ms);
        else reject(new Error(`bench: ${path} answered ${res.statusCode}, not ${ok}`));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

process.on('message', (job: Job) => {
  Promise.all(job.requests.map((r) => fire(job.url, r))).then(
    (latencies) => process.send?.({ id: job.id, latencies }),
    (error: unknown) => process.send?.({ id: job.id, error: String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
