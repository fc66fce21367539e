/**
 * Tests never reach the internet: every client in gigops uses global fetch
 * (Octokit, Notion, the Slack clients' uploads) or, for Slack's Web API and
 * response_url, bufferedFetch over node:http(s)' default agents, so a request
 * to anything but loopback fails loudly here instead of leaving the machine.
 */
import http from 'node:http';
import https from 'node:https';

const realFetch = globalThis.fetch;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
/**
 * Loopback, or a `.invalid` name: RFC 6761 reserves that TLD never to resolve,
 * so a request there fails at the resolver as it does offline (tests of what
 * the user is told when DNS fails) and reaches no one.
 */
const allowed = (host: string) => LOOPBACK.has(host) || /\.invalid\.?$/i.test(host);

globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!allowed(url.hostname)) {
    throw new Error(`test tried to reach the network: ${url.origin} (fake it on loopback)`);
  }
  return realFetch(input, init);
}) as typeof fetch;

for (const agent of [http.globalAgent, https.globalAgent]) {
  const connect = agent.createConnection.bind(agent);
  agent.createConnection = ((options, callback) => {
    const host = String(options.host ?? options.hostname ?? 'localhost');
    if (!allowed(host)) {
      throw new Error(`test tried to reach the network: ${host} (fake it on loopback)`);
    }
    return connect(options, callback);
  }) as typeof agent.createConnection;
}
