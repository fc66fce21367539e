import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

/**
 * A feature is a unit (issue 20): code outside a feature's folder imports only
 * its index.ts (and src/features/feature.ts, the contract), never its
 * internals, so a feature can change inside without touching the rest.
 */
const SRC = fileURLToPath(new URL('../src', import.meta.url));
const FEATURES = join(SRC, 'features');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The feature a file belongs to (its first folder under src/features/), if any. */
const featureOf = (file: string) => {
  const rel = relative(FEATURES, file);
  return rel.startsWith('..') || !rel.includes('/') ? undefined : rel.split('/')[0];
};

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'";]*?from\s*'(\.{1,2}\/[^']+)'/g)].map((m) =>
    resolve(dirname(file), m[1]!),
  );
}

it('no code outside a feature imports its internals, only its index.ts', () => {
  const features = readdirSync(FEATURES).filter((f) => statSync(join(FEATURES, f)).isDirectory());
  expect(features.length).toBeGreaterThan(0);
  const broken: string[] = [];
  for (const file of files(SRC)) {
    const own = featureOf(file);
    for (const target of imports(file)) {
      const theirs = featureOf(target);
      if (!theirs || theirs === own) continue;
      if (target !== join(FEATURES, theirs, 'index.ts'))
        broken.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
    }
  }
  expect(broken).toEqual([]);
});

it('catches an import of another feature’s internals (the rule can fail)', () => {
  const fake = join(FEATURES, 'radar', 'x.ts');
  expect(featureOf(fake)).toBe('radar');
  expect(featureOf(join(FEATURES, 'feature.ts'))).toBeUndefined();
  expect(featureOf(join(SRC, 'main.ts'))).toBeUndefined();
});

const SOURCES = join(SRC, 'sources');
/** The source a file belongs to (its folder under src/sources/), if any. */
const sourceOf = (file: string) => {
  const rel = relative(SOURCES, file);
  return rel.startsWith('..') || !rel.includes('/') ? undefined : rel.split('/')[0];
};

it('an opportunity source is a unit too: others import only its index.ts', () => {
  const broken: string[] = [];
  for (const file of files(SRC)) {
    const own = sourceOf(file);
    for (const target of imports(file)) {
      const theirs = sourceOf(target);
      if (!theirs || theirs === own) continue;
      if (target !== join(SOURCES, theirs, 'index.ts'))
        broken.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
    }
  }
  expect(sourceOf(join(SOURCES, 'github', 'search.ts'))).toBe('github');
  expect(sourceOf(join(SOURCES, 'source.ts'))).toBeUndefined();
  expect(broken).toEqual([]);
});

/** Reading Slack's error code (`error.data.error`) by hand. */
const READS_ERROR_DATA = /\(\s*\w+\s+as\s+\{\s*data\?:\s*\{\s*error\?/;

it('no feature reads Slack’s error shapes: src/slack/ says what happened', () => {
  expect(READS_ERROR_DATA.test('(error as { data?: { error?: string } }).data?.error')).toBe(true);
  const readers = files(FEATURES).filter((f) => READS_ERROR_DATA.test(readFileSync(f, 'utf8')));
  expect(readers.map((f) => relative(SRC, f))).toEqual([]);
});
