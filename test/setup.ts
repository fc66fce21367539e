/**
 * Tests never reach the internet: every client in gigops uses global fetch
 * (Slack Web API, Octokit, Notion), so a request to anything but loopback fails
 * loudly here instead of leaving the machine.
 */
const realFetch = globalThis.fetch;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!LOOPBACK.has(url.hostname)) {
    throw new Error(`test tried to reach the network: ${url.origin} (fake it on loopback)`);
  }
  return realFetch(input, init);
}) as typeof fetch;
