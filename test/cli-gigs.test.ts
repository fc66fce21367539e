import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGigs } from '../src/cli-gigs.ts';
import { tempDir } from './support/env.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { radarIssues } from './support/radar.ts';

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await new FakeGitHub().start();
  gh.issues = radarIssues(8, new Date());
});
afterAll(() => gh.stop());

// No Slack variables at all: the terminal radar needs none.
const env = () => ({ GITHUB_API_URL: gh.url, DATA_DIR: tempDir(), GIGOPS_CONFIG: undefined });
const run = async (argv: string[]) => {
  let out = '';
  let err = '';
  const code = await runGigs(
    argv,
    env(),
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
};

describe('npx gigops gigs', () => {
  it('prints the ranked list with reasons, without any Slack token', async () => {
    const { code, out } = await run(['--limit', '3']);
    expect(code).toBe(0);
    const ranks = out.split('\n').filter((l) => /^\d+\. \[\d+\]/.test(l));
    expect(ranks).toHaveLength(3);
    expect(ranks[0]).toContain('acme/rpc#1');
    expect(out).toContain('why: $500 bounty');
  });

  it('says what is wrong with a filter and exits 2', async () => {
    const { code, err } = await run(['repo:nope']);
    expect(code).toBe(2);
    expect(err).toContain('`repo:nope` needs owner/name');
  });

  it('says honestly when GitHub rejects the token', async () => {
    gh.fault = { status: 401 };
    try {
      const { code, err } = await run([]);
      expect(code).toBe(1);
      expect(err).toContain('GitHub rejected GITHUB_TOKEN');
    } finally {
      gh.fault = undefined;
    }
  });
});
