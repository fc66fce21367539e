import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/env.ts';

/** bin/check-node.cjs: plain JavaScript, so loaded with require rather than typed imports. */
interface CheckNode {
  MINIMUM: [number, number];
  RECOMMENDED: number;
  nodeVersionProblem(version: string, execPath?: string, rerun?: string): string | null;
  rerunCommand(
    env: Record<string, string | undefined>,
    argv: string[],
    cwd: string,
  ): string | undefined;
}
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHECK = join(ROOT, 'bin/check-node.cjs');
const BIN = join(ROOT, 'bin/gigops.js');
const checkNode = createRequire(import.meta.url)(CHECK) as CheckNode;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

const VERSION_LINE =
  /^gigops needs Node\.js >= 22\.12 \(Node 24 LTS recommended\); this is Node (\S+) \((.+)\)\. Get Node 24 with `nvm install` \(the repository's \.nvmrc says 24\) or from https:\/\/nodejs\.org\/en\/download, or run once with it: `npx -p node@24 -- (.+)`\.$/;

describe('the Node version check', () => {
  it('turns away every Node older than 22.12 and lets 22.12 and later through', () => {
    for (const old of ['v18.20.8', '20.20.2', '22.11.0', '22.0.0', '21.7.3', '16.0.0']) {
      expect(checkNode.nodeVersionProblem(old, '/usr/bin/node', 'npm start'), old).toMatch(
        VERSION_LINE,
      );
    }
    for (const ok of ['22.12.0', 'v22.18.1', '23.0.0', '24.21.0', '26.1.0']) {
      expect(checkNode.nodeVersionProblem(ok), ok).toBeNull();
    }
  });

  it('says which version runs, where it is, and the command to rerun with Node 24, in one line', () => {
    const line = checkNode.nodeVersionProblem('v20.20.2', '/usr/bin/node', 'npm test') ?? '';
    expect(line).not.toContain('\n');
    expect(VERSION_LINE.exec(line)?.slice(1)).toEqual(['20.20.2', '/usr/bin/node', 'npm test']);
  });

  it('names the command as the user typed it: the npm script, or node and the script', () => {
    const argv = ['/usr/bin/node', BIN, 'gigs', 'label:bug'];
    expect(checkNode.rerunCommand({ npm_lifecycle_event: 'test' }, argv, ROOT)).toBe('npm test');
    expect(checkNode.rerunCommand({ npm_lifecycle_event: 'start' }, argv, ROOT)).toBe('npm start');
    expect(checkNode.rerunCommand({ npm_lifecycle_event: 'bench' }, argv, ROOT)).toBe(
      'npm run bench',
    );
    // npx gigops … sets the event to "npx": the script itself is the command.
    expect(checkNode.rerunCommand({ npm_lifecycle_event: 'npx' }, argv, ROOT)).toBe(
      'node bin/gigops.js gigs label:bug',
    );
    expect(checkNode.rerunCommand({}, argv, '/elsewhere')).toBe(`node ${BIN} gigs label:bug`);
  });

  it('agrees with package.json engines, .nvmrc and the CI script', () => {
    expect(pkg.engines.node).toBe(`>=${checkNode.MINIMUM.join('.')}`);
    expect(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()).toBe(String(checkNode.RECOMMENDED));
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toContain(
      `a > ${checkNode.MINIMUM[0]} || (a === ${checkNode.MINIMUM[0]} && b >= ${checkNode.MINIMUM[1]})`,
    );
    expect(ci).toContain(`@${checkNode.RECOMMENDED}`);
  });

  it('runs first in every npm script that needs a new Node', () => {
    for (const script of ['test', 'test:unit', 'bench']) {
      expect(pkg.scripts[script], script).toMatch(/^node bin\/check-node\.cjs && /);
    }
    // start and doctor go through bin/gigops.js, which checks before anything else.
    expect(pkg.scripts.start).toMatch(/^node [^&]*bin\/gigops\.js start$/);
    expect(pkg.scripts.doctor).toMatch(/^node [^&]*bin\/gigops\.js doctor$/);
    const bin = readFileSync(BIN, 'utf8');
    const firstStatement = bin.split('\n').find((l) => /^[a-z]/.test(l) && !l.startsWith('import'));
    expect(firstStatement).toBe('checkNode.exitUnlessSupported();');
  });

  it('is silent and exits 0 on this Node', () => {
    const run = spawnSync(process.execPath, [CHECK], { encoding: 'utf8' });
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
  });
});

/** A Node older than 22.12 on this machine (many have Node 20 as /usr/bin/node), if any. */
function findOldNode(): { path: string; version: string } | undefined {
  let onPath: string[] = [];
  try {
    onPath = execFileSync('which', ['-a', 'node'], { encoding: 'utf8' }).split('\n');
  } catch {
    // no `which`, or no node on PATH
  }
  for (const path of ['/usr/bin/node', '/usr/local/bin/node', ...onPath]) {
    if (!path || !existsSync(path)) continue;
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (checkNode.nodeVersionProblem(version)) return { path, version };
  }
  return undefined;
}
const oldNode = findOldNode();

describe.skipIf(!oldNode)(
  oldNode
    ? `a real old Node (${oldNode.version} at ${oldNode.path})`
    : 'a real old Node: SKIPPED, no Node older than 22.12 at /usr/bin/node, /usr/local/bin/node or on PATH',
  () => {
    const old = oldNode!;
    // Only the old Node's folder (and the shell's) on PATH, as on a machine with Node 20 only.
    // npm's own "new version available" notice (a fresh HOME asks the registry) is not ours.
    const env = {
      PATH: `${dirname(old.path)}:/bin:/usr/bin`,
      HOME: tempDir(),
      npm_config_update_notifier: 'false',
    };

    it('npx gigops gigs and npm start: bin/gigops.js prints the version line and exits 1', () => {
      const run = spawnSync(old.path, [BIN, 'gigs'], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 10_000,
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(VERSION_LINE.exec(lines[0] ?? '')?.slice(1)).toEqual([
        old.version.replace(/^v/, ''),
        old.path,
        'node bin/gigops.js gigs',
      ]);
    });

    it.skipIf(!existsSync(join(dirname(old.path), 'npm')))(
      'npm test: the check runs before biome, tsc and vitest, and exits 1',
      () => {
        const run = spawnSync(join(dirname(old.path), 'npm'), ['test'], {
          cwd: ROOT,
          env,
          encoding: 'utf8',
          timeout: 30_000,
        });
        expect(run.status).toBe(1);
        expect(run.stderr.trimEnd()).toMatch(VERSION_LINE);
        expect(run.stderr).toContain('`npx -p node@24 -- npm test`');
      },
    );
  },
);
