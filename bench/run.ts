/**
 * `npm run bench`: every bench/*.bench.ts module, each figure a ratio against a
 * baseline measured in the same run. Prints the tables; `npm run bench --
 * --record` also writes them to bench/RESULTS.md (tracked). `node bench/run.ts
 * resources` runs only the modules whose file name contains the argument.
 * Missed targets are marked, and exit 0; a bench that could not measure exits
 * 1 (support/report.ts).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { within } from './support/measure.ts';
import {
  type BenchModule,
  finishRun,
  type ModuleOutcome,
  moduleRows,
  parseBenchArgs,
  TABLE_HEAD,
  USAGE,
} from './support/report.ts';

export type { BenchModule, BenchResult } from './support/report.ts';

const options = parseBenchArgs(process.argv.slice(2));
if ('error' in options) {
  process.stderr.write(`${options.error}\n${USAGE}`);
  process.exit(2);
}
const dir = new URL('.', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!options.only || f.includes(options.only)))
  .sort();
const outcomes: ModuleOutcome[] = [];
for (const file of files) {
  // A module that never finishes fails the run loudly instead of hanging it.
  const outcome = await within(
    240_000,
    `end of ${file}`,
    (async (): Promise<ModuleOutcome> => {
      const mod = (await import(new URL(file, dir).href)) as { default: BenchModule };
      process.stdout.write(`\n# ${mod.default.title}\n`);
      return { file, title: mod.default.title, results: await mod.default.run() };
    })(),
  ).catch(
    (error: unknown): ModuleOutcome => ({
      file,
      title: file,
      results: [],
      broken: String(error).split('\n')[0] ?? 'failed',
    }),
  );
  if (outcome.broken) process.stdout.write(`\n# ${file}\n`);
  process.stdout.write(`${TABLE_HEAD}\n${moduleRows(outcome).join('\n')}\n`);
  outcomes.push(outcome);
}
process.stdout.write('\n');
const exitCode = finishRun(outcomes, options, {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  date: new Date().toISOString().slice(0, 10),
  writeResults: (text) => writeFileSync(new URL('RESULTS.md', dir), text),
  print: (line) => process.stdout.write(`${line}\n`),
});
// Exit now: a failed module may have left servers or child processes behind.
process.exit(exitCode);
