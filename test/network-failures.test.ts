import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runGigs } from '../src/cli-gigs.ts';
import { createGitHub } from '../src/clients/github.ts';
import { classifyFailure } from '../src/clients/network-failure.ts';
import { loadConfig } from '../src/config.ts';
import { checkGitHub } from '../src/doctor/github-check.ts';
import { checkSlack } from '../src/doctor/slack-check.ts';
import { createLogger } from '../src/log.ts';
import { startGigops } from '../src/main.ts';
import { startTestBot } from './support/bot.ts';
import { SIGNING_SECRET, tempDir, testEnv } from './support/env.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { FakeHttp } from './support/fake-http.ts';
import { FakeSlack } from './support/fake-slack.ts';
import { freePort } from './support/loopback.ts';
import { signedHeaders, slashCommandBody } from './support/slack-sign.ts';
import { SNAPSHOT_YAML } from './support/snapshot-deps.ts';

/**
 * Issue 19, item 3: offline, `npx gigops gigs` said "GitHub is not answering
 * (HTTP 500)" and start-up said "Slack rejected SLACK_BOT_TOKEN". Every path
 * now tells unreachable (DNS, refused, timeout), a server error with its
 * status, a rate limit and rejected credentials apart, the same way.
 */

const silent = createLogger({ level: 'silent' });
let closed = '';
let github: FakeGitHub;
let slack: FakeSlack;

beforeAll(async () => {
  closed = `http://127.0.0.1:${await freePort()}`;
  github = await new FakeGitHub().start();
  slack = await new FakeSlack().start();
});
afterAll(async () => {
  await github.stop();
  await slack.stop();
});

/** fetch as it fails offline: undici's TypeError with the resolver's error as its cause. */
const offlineFetch = (async (input: string | URL | Request) => {
  const host = new URL(input instanceof Request ? input.url : String(input)).hostname;
  const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), {
    code: 'ENOTFOUND',
    syscall: 'getaddrinfo',
    hostname: host,
  });
  throw new TypeError('fetch failed', { cause });
}) as typeof fetch;

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('classifyFailure on what the real clients throw', () => {
  it('Octokit: DNS failure and refused connection are unreachable, not HTTP 500', async () => {
    const dns = createGitHub({
      token: undefined,
      baseUrl: 'https://api.github.com',
      logger: silent,
      fetch: offlineFetch,
      retryBaseMs: 1,
    });
    const e1 = await dns.rest.rateLimit.get().catch((e: unknown) => e);
    expect((e1 as { status?: number }).status).toBe(500); // what Octokit says…
    expect(classifyFailure(e1)).toEqual({
      kind: 'unreachable',
      detail: 'getaddrinfo ENOTFOUND api.github.com',
    }); // …and what it was
    const refused = createGitHub({
      token: undefined,
      baseUrl: closed,
      logger: silent,
      retryBaseMs: 1,
    });
    const e2 = await refused.rest.rateLimit.get().catch((e: unknown) => e);
    expect(classifyFailure(e2)).toMatchObject({
      kind: 'unreachable',
      detail: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('Slack WebClient: refused is unreachable, invalid_auth is credentials, 503 is a server error', async () => {
    const options = { logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } };
    const down = new WebClient('xoxb-test', { ...options, slackApiUrl: `${closed}/api/` });
    expect(classifyFailure(await down.auth.test().catch((e: unknown) => e)).kind).toBe(
      'unreachable',
    );
    const client = new WebClient('xoxb-test', { ...options, slackApiUrl: slack.apiUrl });
    slack.responders.set('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    expect(classifyFailure(await client.auth.test().catch((e: unknown) => e))).toEqual({
      kind: 'credentials',
      detail: 'invalid_auth',
    });
    slack.responders.delete('auth.test');
    slack.httpFaults.set('auth.test', [{ status: 503 }]);
    expect(classifyFailure(await client.auth.test().catch((e: unknown) => e))).toEqual({
      kind: 'server',
      status: 503,
      detail: 'HTTP 503',
    });
  });
});

describe('the GitHub client’s retries', () => {
  it('an unreachable GitHub is tried once more, a server error twice more', async () => {
    const tried: string[] = [];
    const unreachable = createGitHub({
      token: undefined,
      baseUrl: 'https://api.github.com',
      logger: silent,
      fetch: (input, init) => {
        tried.push(String(input));
        return offlineFetch(input, init);
      },
      retryBaseMs: 1,
    });
    await unreachable.rest.rateLimit.get().catch(() => {});
    expect(tried).toEqual([
      'https://api.github.com/rate_limit',
      'https://api.github.com/rate_limit',
    ]);

    github.fault = { status: 503 };
    const before = github.requests.length;
    const down = createGitHub({
      token: undefined,
      baseUrl: github.url,
      logger: silent,
      retryBaseMs: 1,
    });
    await down.rest.rateLimit.get().catch(() => {});
    github.fault = undefined;
    expect(github.requests.length - before).toBe(3);
  });
});

describe('npx gigops gigs', () => {
  async function gigs(env: Record<string, string>) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runGigs(
      ['grpc'],
      { DATA_DIR: tempDir(), ...env },
      (s) => out.push(s),
      (s) => err.push(s),
      { retryBaseMs: 1 },
    );
    return { code, err: err.join('') };
  }

  it('offline (DNS fails) names the network and GITHUB_API_URL, not HTTP 500 nor the token', async () => {
    globalThis.fetch = offlineFetch;
    const run = await gigs({ GITHUB_TOKEN: 'ghp_test' });
    expect(run.code).toBe(1);
    expect(run.err).toContain('GitHub is unreachable (getaddrinfo ENOTFOUND api.github.com)');
    expect(run.err).toContain('check GITHUB_API_URL and the network');
    expect(run.err).not.toMatch(/HTTP 500|token/i);
  });

  it('GITHUB_API_URL on a host that does not resolve names it and the network, after one retry at most', async () => {
    // `.invalid` never resolves (RFC 6761): DNS fails here as it does offline.
    const tried: string[] = [];
    globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
      tried.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    }) as typeof fetch;
    const run = await gigs({
      GITHUB_TOKEN: 'ghp_test',
      GITHUB_API_URL: 'http://api.github.invalid',
    });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /^GitHub is unreachable \(getaddrinfo (ENOTFOUND|EAI_AGAIN) api\.github\.invalid\): check GITHUB_API_URL and the network\./,
    );
    expect(run.err).not.toMatch(/HTTP 500|token/i);
    // Once, and once more: not three times over 5 s as for a server error.
    expect(tried).toHaveLength(2);
    expect(new Set(tried).size).toBe(1);
  });

  it('a refused connection says unreachable; a 503 says server error with its status', async () => {
    const refused = await gigs({ GITHUB_TOKEN: 'ghp_test', GITHUB_API_URL: closed });
    expect(refused.err).toMatch(/GitHub is unreachable \(.*ECONNREFUSED/);
    github.fault = { status: 503 };
    const down = await gigs({ GITHUB_TOKEN: 'ghp_test', GITHUB_API_URL: github.url });
    github.fault = undefined;
    expect(down.err).toContain('GitHub answered with a server error (HTTP 503)');
  });
});

describe('start-up and doctor', () => {
  it('Socket Mode with Slack unreachable says so, and does not blame the token', async () => {
    const config = loadConfig(
      testEnv({ SLACK_API_URL: `${closed}/api/`, SLACK_APP_TOKEN: 'xapp-1-test', PORT: '0' }),
      { readFile: () => '' },
    );
    const error = await startGigops({ config, logger: silent, slackTimeoutMs: 500 }).catch(
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Slack is unreachable \(.*\): check SLACK_API_URL/);
    expect((error as Error).message).not.toContain('rejected');
  });

  it('doctor reads failures the same way', async () => {
    const ctx = (env: Record<string, string>) => ({
      config: loadConfig(testEnv(env), { readFile: () => '' }),
      logger: silent,
    });
    expect(await checkSlack(ctx({ SLACK_API_URL: `${closed}/api/` }))).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^unreachable: .*ECONNREFUSED/),
    });
    slack.httpFaults.set('auth.test', [{ status: 503 }, { status: 503 }]);
    expect(await checkSlack(ctx({ SLACK_API_URL: slack.apiUrl }))).toMatchObject({
      detail: 'server error (HTTP 503)',
    });
    github.fault = { status: 502 };
    expect(await checkGitHub(ctx({ GITHUB_API_URL: github.url }))).toMatchObject({
      detail: 'server error (HTTP 502)',
    });
    github.fault = undefined;
  });
});

describe('/gigs snapshot when Notion fails', () => {
  // Monday: last Wednesday's snapshot is past the grace window, so start-up asks Notion nothing.
  const NOW = new Date('2026-11-30T17:00:00.000Z');

  async function preview(notionUrl: string): Promise<string> {
    const t = await startTestBot(
      SNAPSHOT_YAML(),
      { NOTION_TOKEN: 'secret_test', NOTION_API_URL: notionUrl },
      () => NOW,
    );
    try {
      await t.bot.startup;
      const body = slashCommandBody('snapshot', t.slack.responseUrl('preview'));
      const res = await fetch(`${t.url}/slack/events`, {
        method: 'POST',
        body,
        headers: signedHeaders(SIGNING_SECRET, body),
      });
      expect(res.status).toBe(200);
      return String((await t.slack.waitFor('response_url:/respond/preview')).params.text);
    } finally {
      await t.close();
    }
  }

  it('unreachable: names NOTION_API_URL and the network', async () => {
    expect(await preview(closed)).toMatch(
      /^:warning: Notion is unreachable \(.*ECONNREFUSED.*\): check NOTION_API_URL and the network\.$/,
    );
  });

  it('a 503: a server error with its status, on Notion’s side', async () => {
    const notion = await new FakeHttp()
      .route('POST /v1/data_sources/:id/query', {
        status: 503,
        body: { object: 'error', status: 503, code: 'service_unavailable', message: 'down' },
      })
      .start();
    try {
      expect(await preview(notion.url)).toContain('Notion answered with a server error (HTTP 503)');
    } finally {
      await notion.stop();
    }
  });
});
