import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GH_TOKEN_LINE, NO_TOKEN_LINE, runGigs } from '../src/cli-gigs.ts';
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
const run = async (argv: string[], extra: Record<string, string> = {}) => {
  let out = '';
  let err = '';
  const code = await runGigs(
    argv,
    { ...env(), ...extra },
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
};

describe('npx gigops gigs', () => {
  it('prints the ranked list with reasons, without any Slack token', async () => {
    const { code, out } = await run(['--limit', '3']);
    expect(code).toBe(0);
    // Rank, id and title: no bare score without a scale (issue 19, item 9).
    const ranks = out.split('\n').filter((l) => /^\d+\. \S+#\d+ {2}/.test(l));
    expect(ranks).toHaveLength(3);
    expect(ranks[0]).toMatch(/^1\. acme\/rpc#1 {2}/);
    expect(out).not.toMatch(/^\d+\. \[\d+\]/m);
    expect(out).toContain('why: $500 bounty');
    // Slack's emoji codes become emoji in a terminal.
    expect(out).toContain('💰 $500');
    expect(out).not.toMatch(/:[a-z_]+:/);
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

  it('without a token ranks from the search alone (GitHub refuses anonymous GraphQL) and says what a token adds', async () => {
    const before = gh.count('/graphql');
    const { code, out, err } = await run(['--limit', '3'], { PATH: tempDir() });
    expect(code, err).toBe(0);
    expect(out.split('\n').filter((l) => /^\d+\. \S+#\d+ {2}/.test(l))).toHaveLength(3);
    expect(out.trim().split('\n').at(-1)).toBe(NO_TOKEN_LINE);
    expect(gh.count('/graphql')).toBe(before);
    expect(gh.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('takes the GitHub CLI’s token when gh is logged in, and says so in one line', async () => {
    const bin = tempDir();
    const fake = join(bin, 'gh');
    writeFileSync(
      fake,
      '#!/bin/sh\n[ "$1 $2" = "auth token" ] && echo gho_fromtheghcli0123456789\n',
    );
    chmodSync(fake, 0o755);
    const { code, out, err } = await run(['--limit', '3'], { PATH: `${bin}:/usr/bin:/bin` });
    expect(code, err).toBe(0);
    expect(err).toBe(`${GH_TOKEN_LINE}\n`);
    expect(out).not.toContain(NO_TOKEN_LINE);
    const graphql = gh.requests.filter((r) => r.path === '/graphql').at(-1);
    expect(graphql?.headers.authorization).toBe('token gho_fromtheghcli0123456789');
  });
});
