/**
 * The bot under test and its baseline, each in its own process (as `npm start`
 * runs it, with the node flags of package.json's start script), so the load
 * generator and the fakes in the bench process do not share an event loop
 * with what is measured.
 */
import { type ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../test/support/env.ts';
import type { Prepared } from './loadgen.ts';
import { within } from './measure.ts';

const BOT = fileURLToPath(new URL('../../bin/gigops.js', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-bolt.ts', import.meta.url));
const LOADGEN = fileURLToPath(new URL('./loadgen.ts', import.meta.url));

/**
 * On a machine with two or more cores the server measured (bot or bare app,
 * never both at once) gets the last core to itself, and the load generator,
 * the fakes and everything else share the others: one busy side no longer
 * steals time from the other, so runs repeat. `BENCH_PIN=0` turns it off;
 * without `taskset` (util-linux) nothing is pinned.
 */
export function pin(pid: number | undefined, role: 'server' | 'load'): boolean {
  const cores = availableParallelism();
  if (pid === undefined || cores < 2 || process.env.BENCH_PIN === '0') return false;
  const cpus = role === 'server' ? String(cores - 1) : `0-${cores - 2}`;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Gives a process every core back (the bench process after the pinned benches). */
export function unpin(pid: number): void {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', `0-${availableParallelism() - 1}`, String(pid)], {
      stdio: 'ignore',
    });
  } catch {}
}

/** The node flags `npm start` gives the bot: what users run is what is measured. */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  };
  const [node, ...words] = pkg.scripts.start.trim().split(/\s+/);
  const at = words.indexOf('bin/gigops.js');
  if (node !== 'node' || at < 0 || words.slice(at + 1).join(' ') !== 'start') {
    throw new Error(
      `bench: npm start is not "node [flags] bin/gigops.js start": ${pkg.scripts.start}`,
    );
  }
  return words.slice(0, at);
}

export interface Served {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first GET /healthz answered 200. */
  startMs: number;
  /** Resident set size of the process now, from /proc. */
  rssBytes(): number;
  /** CPU time the process has run so far, in ms (/proc/<pid>/schedstat); NaN where there is none. */
  cpuMs(): number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function serve(
  nodeFlags: string[],
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<Served> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, script, ...args], {
    cwd: tempDir('gigops-bench-'),
    env: { PATH: process.env.PATH ?? '', HOME: tempDir(), ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  pin(child.pid, 'server');
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const healthy = (async () => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${script} exited: ${stderr}`);
      const ok = await fetch(`${url}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const startMs = await within(20_000, `GET /healthz 200 from ${script}`, healthy);
  return {
    child,
    url,
    startMs,
    cpuMs: () => {
      try {
        const ns = Number(readFileSync(`/proc/${child.pid}/schedstat`, 'utf8').split(' ')[0]);
        return ns / 1e6;
      } catch {
        return Number.NaN;
      }
    },
    rssBytes: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGKILL');
      await within(5_000, `exit of ${script}`, exited);
    },
  };
}

/** `npm start`'s `node [flags] bin/gigops.js start` with this gigops.yml and environment (HTTP mode). */
export function startBotProcess(yaml: string, env: Record<string, string>): Promise<Served> {
  const dir = tempDir('gigops-bench-');
  const config = join(dir, 'gigops.yml');
  writeFileSync(config, yaml);
  return serve(startFlags(), BOT, ['start'], {
    DATA_DIR: join(dir, 'data'),
    GIGOPS_CONFIG: config,
    LOG_LEVEL: 'info',
    ...env,
  });
}

/**
 * The bare Bolt app that only acks (bench/support/bare-bolt.ts), with Node's
 * compile cache in the directory the bot's bin/gigops.js uses by default. A
 * warm bot never loads Node's type stripper (~13 MiB idle, ~15 MiB after the
 * 10,000 commands, measured against the same app in plain JavaScript); a
 * baseline that still loaded it would measure the stripper, not Bolt.
 */
export function startBareProcess(env: Record<string, string>): Promise<Served> {
  return serve([], BARE, [], {
    NODE_COMPILE_CACHE: join(tmpdir(), 'node-compile-cache'),
    ...env,
  });
}

/** The load generator in its own process (support/loadgen.ts), pinned like the rest. */
export interface LoadGenerator {
  /** Fires every request at once; resolves with each one's latency in ms. */
  burst(url: string, requests: Prepared[]): Promise<number[]>;
  stop(): void;
}

export function startLoadGenerator(): LoadGenerator {
  const child = fork(LOADGEN, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  pin(child.pid, 'load');
  let next = 0;
  const waiting = new Map<number, { resolve: (l: number[]) => void; reject: (e: Error) => void }>();
  child.on('message', (m: { id: number; latencies?: number[]; error?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error !== undefined || !m.latencies) w?.reject(new Error(m.error));
    else w?.resolve(m.latencies);
  });
  child.on('exit', () => {
    for (const w of waiting.values()) w.reject(new Error('bench: the load generator exited'));
  });
  return {
    burst(url, requests) {
      const id = ++next;
      return within(
        30_000,
        `answers to ${requests.length} concurrent requests at ${url}`,
        new Promise<number[]>((resolve, reject) => {
          waiting.set(id, { resolve, reject });
          child.send({ id, url, requests });
        }),
      );
    },
    stop: () => child.disconnect(),
  };
}
