import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { tempDir } from './env.ts';

const BIN = fileURLToPath(new URL('../../bin/gigops.js', import.meta.url));

export interface BotProcess {
  child: ChildProcess;
  /** The port, once the bot logs that it is ready. */
  ready: Promise<number>;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
  output(): string;
}

/** Starts the bot as `npm start` does, in an empty folder, with only the given environment. */
export function startBotProcess(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: tempDir(),
    env: { PATH: process.env.PATH ?? '', HOME: tempDir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n').find((l) => l.includes('gigops is ready'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    exited.then(() => reject(new Error(`bot exited before ready:\n${stdout}\n${stderr}`)));
  });
  ready.catch(() => {}); // observed by the tests that wait for it
  return { child, ready, exited, output: () => stdout + stderr };
}
