import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { tempDir, testEnv } from './support/env.ts';

/**
 * A configuration path that holds something other than a readable file: what
 * `docker compose up` leaves when ./gigops.yml is missing (a directory in its
 * place), or a file the container's user may not read. One line each, no stack.
 */
const BIN = fileURLToPath(new URL('../bin/gigops.js', import.meta.url));

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
const fsError = (code: string, path: string) =>
  Object.assign(new Error(`${code}: failed, open '${path}'`), { code });

describe('a configuration file that cannot be read', () => {
  it('names a directory at GIGOPS_CONFIG and what to do, in one line', () => {
    const dir = tempDir();
    expect(problemsOf(() => loadConfig(testEnv({ GIGOPS_CONFIG: dir })))).toEqual([
      `GIGOPS_CONFIG: ${dir} is a directory, not a file: remove it and copy gigops.example.yml to ${dir} (docker compose makes this directory when ./gigops.yml is missing)`,
    ]);
  });

  it('names a file it may not read, and a path through a file', () => {
    // Tests may run as root, who reads any file: the reader fails as fs does for anyone else.
    const readFile = (path: string): string => {
      throw fsError('EACCES', path);
    };
    expect(
      problemsOf(() => loadConfig(testEnv({ GIGOPS_CONFIG: '/srv/gigops.yml' }), { readFile })),
    ).toEqual([
      'GIGOPS_CONFIG: /srv/gigops.yml cannot be read (permission denied): make it readable by the user gigops runs as (chmod a+r /srv/gigops.yml; in the Docker image that is the user node)',
    ]);
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    expect(
      problemsOf(() => loadConfig(testEnv({ GIGOPS_CONFIG: join(file, 'gigops.yml') }))),
    ).toEqual([
      `GIGOPS_CONFIG: ${join(file, 'gigops.yml')} is not a path to a file (a part of it is a file, not a folder): point GIGOPS_CONFIG at your gigops.yml`,
    ]);
  });

  it('lists the read problem with every other one, and names a missing explicit file', () => {
    const missing = join(tempDir(), 'gigops.yml');
    expect(
      problemsOf(() => loadConfig(testEnv({ GIGOPS_CONFIG: missing, SLACK_BOT_TOKEN: undefined }))),
    ).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN: required/),
      `GIGOPS_CONFIG: no file at ${missing}: copy gigops.example.yml there, or unset GIGOPS_CONFIG to run on the defaults`,
    ]);
  });

  it('gigops start with a directory at ./gigops.yml (as docker compose leaves it): one line, exit 1', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'gigops.yml'));
    const run = spawnSync(process.execPath, [BIN, 'start'], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, ...testEnv({ DATA_DIR: tempDir() }) },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `  - gigops.yml: ${join(cwd, 'gigops.yml')} is a directory, not a file: remove it and copy gigops.example.yml to ${join(cwd, 'gigops.yml')}`,
    );
    expect(run.stderr).not.toMatch(/EISDIR|\n\s+at /);
  });
});
