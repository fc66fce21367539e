#!/usr/bin/env node
// Runs the TypeScript sources directly: Node >= 22.18 erases types by default;
// 22.12–22.17 need --experimental-strip-types, so re-run ourselves with it.
import { spawn } from 'node:child_process';
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import checkNode from './check-node.cjs';

// First of all, turn an older Node away with one line: it would fail on the
// flag below, or on syntax further on, with a message about neither.
checkNode.exitUnlessSupported();

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

if (process.features.typescript) {
  // Node caches each module's type-erased source and compiled code on disk
  // (NODE_COMPILE_CACHE, else <tmpdir>/node-compile-cache; keyed by content, so
  // an edited file is simply recompiled). A warm start never loads the
  // type-stripper (a WebAssembly module, ~20 MiB resident for good) and starts
  // about 300 ms sooner. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  module.enableCompileCache();
  await import(cli);
} else {
  const child = spawn(
    process.execPath,
    [
      '--experimental-strip-types',
      '--disable-warning=ExperimentalWarning',
      cli,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
