import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on an ephemeral loopback port; resolves with the server's base URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Drops open connections (kept-alive clients would hold close() open) and closes. */
export async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
}

/** A loopback port free right now, for a process that must be told its port before it listens. */
export async function freePort(): Promise<number> {
  const server = createServer();
  const url = await listenOnLoopback(server);
  await closeServer(server);
  return Number(new URL(url).port);
}
