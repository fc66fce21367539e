import { describe, expect, it } from 'vitest';
import {
  githubWebHosts,
  isGitHubOwner,
  isGitHubRepo,
  parseIssueUrl,
} from '../src/domain/github-refs.ts';
import { parseGigsCommand, tokenize } from '../src/domain/parse-gigs-command.ts';

describe('parseGigsCommand', () => {
  it('lists with no text, and filters with words and key:value tokens', () => {
    expect(parseGigsCommand('')).toEqual({ kind: 'list', filters: { words: [], labels: [] } });
    expect(
      parseGigsCommand(
        'grpc label:bug label:"good first issue" repo:grpc/grpc-go min-stars:5k min-comments:3',
      ),
    ).toEqual({
      kind: 'list',
      filters: {
        words: ['grpc'],
        labels: ['bug', 'good first issue'],
        repo: 'grpc/grpc-go',
        minStars: 5000,
        minComments: 3,
      },
    });
  });

  it('understands the subcommands', () => {
    expect(parseGigsCommand('help')).toEqual({ kind: 'help' });
    expect(parseGigsCommand('  HELP ')).toEqual({ kind: 'help' });
    expect(parseGigsCommand('sync')).toEqual({ kind: 'sync' });
    expect(parseGigsCommand('snapshot')).toEqual({ kind: 'snapshot' });
    expect(parseGigsCommand('snapshot acme')).toEqual({ kind: 'snapshot', clientId: 'acme' });
    expect(parseGigsCommand('propose <https://github.com/golang/go/issues/123>')).toEqual({
      kind: 'propose',
      issueUrl: 'https://github.com/golang/go/issues/123',
      owner: 'golang',
      repo: 'go',
      number: 123,
    });
  });

  it.each([
    ['min-stars:many', 'min-stars:many'],
    ['language:rust', 'language:'],
    ['repo:nope', 'repo:nope'],
    ['label:', 'label:'],
    ['propose a b', 'propose'],
    ['propose https://github.com/golang/go/pull/1', 'not a GitHub issue URL'],
    ['propose ftp://upwork.com/jobs/1', 'upwork.com'],
    ['sync now', 'sync'],
    ['snapshot a b', 'snapshot'],
    ['snapshot Bad_Id!', 'Bad_Id!'],
  ])('answers %j with usage naming %j', (text, named) => {
    const result = parseGigsCommand(text);
    expect(result.kind).toBe('usage');
    expect(result.kind === 'usage' && result.problem).toContain(named);
  });

  it('tokenizes smart quotes and Slack HTML entities', () => {
    expect(tokenize('label:“help wanted” a&amp;b')).toEqual(['label:help wanted', 'a&b']);
  });
});

describe('parseIssueUrl (issue 18, item 9)', () => {
  it.each([
    ['https://github.com/golang/go/issues/123', { owner: 'golang', repo: 'go', number: 123 }],
    ['https://www.github.com/golang/go/issues/1/', { owner: 'golang', repo: 'go', number: 1 }],
    ['https://GitHub.com/a-b/c.d_e/issues/7?x=1#c', { owner: 'a-b', repo: 'c.d_e', number: 7 }],
    [
      `https://github.com/${'a'.repeat(39)}/${'r'.repeat(100)}/issues/${Number.MAX_SAFE_INTEGER}`,
      { owner: 'a'.repeat(39), repo: 'r'.repeat(100), number: Number.MAX_SAFE_INTEGER },
    ],
  ])('takes %s', (url, parts) => {
    expect(parseIssueUrl(url)).toEqual(parts);
  });

  it.each([
    ['https://gitlab.com/a/b/-/issues/1', 'host'],
    ['https://github.com.evil.example/a/b/issues/1', 'host'],
    ['https://ghe.example.com/a/b/issues/1', 'host'],
    ['https://github.com/../rate_limit/issues/1', 'name'],
    ['https://github.com/a/../issues/1', 'name'],
    ['https://github.com/a/./issues/1', 'name'],
    ['https://github.com/-a/b/issues/1', 'name'],
    ['https://github.com/a-/b/issues/1', 'name'],
    ['https://github.com/a--b/c/issues/1', 'name'],
    [`https://github.com/${'a'.repeat(40)}/b/issues/1`, 'name'],
    [`https://github.com/a/${'r'.repeat(101)}/issues/1`, 'name'],
    ['https://github.com/%2e%2e/b/issues/1', 'name'],
    ['https://github.com/a/b/issues/99999999999999999999999', 'number'],
    [`https://github.com/a/b/issues/${Number.MAX_SAFE_INTEGER + 1}`, 'number'],
    ['https://github.com/a/b/issues/0', 'number'],
    ['https://github.com/a/b/issues/1e3', 'number'],
    ['https://github.com/a/b/pull/1', 'url'],
    ['https://github.com/a/b/issues', 'url'],
    ['https://github.com/a/b/c/issues/1', 'url'],
    ['https://user:pw@github.com/a/b/issues/1', 'url'],
    ['https://github.com:8443/a/b/issues/1', 'url'],
    ['ftp://github.com/a/b/issues/1', 'url'],
    ['github.com/a/b/issues/1', 'url'],
  ])('refuses %s (%s)', (url, problem) => {
    expect(parseIssueUrl(url)).toEqual({ problem });
  });

  it("takes GitHub Enterprise Server's web host, from GITHUB_API_URL", () => {
    expect(githubWebHosts('https://api.github.com')).toEqual(['github.com', 'www.github.com']);
    const ghe = githubWebHosts('https://ghe.example.com/api/v3');
    expect(ghe[0]).toBe('ghe.example.com');
    expect(parseIssueUrl('https://ghe.example.com/team/app/issues/4', ghe)).toEqual({
      owner: 'team',
      repo: 'app',
      number: 4,
    });
    // Any other web address is a job post elsewhere: the paste modal, the link kept.
    expect(
      parseGigsCommand('propose https://gitlab.com/a/b/-/issues/1', { githubHosts: ghe }),
    ).toEqual({
      kind: 'propose',
      post: { url: 'https://gitlab.com/a/b/-/issues/1' },
    });
  });

  it('opens the paste modal for no argument or a job URL that is not GitHub', () => {
    expect(parseGigsCommand('propose')).toEqual({ kind: 'propose', post: { url: undefined } });
    expect(parseGigsCommand('propose <https://www.upwork.com/jobs/~01abc>')).toEqual({
      kind: 'propose',
      post: { url: 'https://www.upwork.com/jobs/~01abc' },
    });
  });

  it('follows GitHub’s name rules', () => {
    for (const ok of ['a', 'A1', 'a-b-c', '0'.repeat(39)]) expect(isGitHubOwner(ok)).toBe(true);
    for (const bad of ['', '-a', 'a-', 'a--b', 'a_b', 'a.b', '0'.repeat(40)])
      expect(isGitHubOwner(bad)).toBe(false);
    for (const ok of ['.github', 'a..b', '_', '-', 'x'.repeat(100)])
      expect(isGitHubRepo(ok)).toBe(true);
    for (const bad of ['', '.', '..', 'a/b', 'a b', 'x'.repeat(101)])
      expect(isGitHubRepo(bad)).toBe(false);
  });
});

describe('echoed input (issue 18, item 10)', () => {
  it.each([
    ['propose', `propose https://gitlab.com/${'a'.repeat(5000)}`],
    ['a filter value', `min-stars:${'9'.repeat(5000)}`],
    ['an unknown filter', `${'k'.repeat(5000)}:v`],
    ['a client id', `snapshot ${'c'.repeat(5000)}`],
    ['words', 'word '.repeat(1000)],
  ])('is clipped for %s', (_label, text) => {
    const result = parseGigsCommand(text);
    expect(result.kind).toBe('usage');
    const problem = result.kind === 'usage' ? result.problem : '';
    expect(problem.length).toBeLessThan(400);
    expect(problem).toContain('…');
  });

  it('is escaped for Slack and left as typed for a terminal', () => {
    const slack = parseGigsCommand('snapshot <@U0BOSS>');
    expect(slack.kind === 'usage' && slack.problem).toContain('&lt;@U0BOSS&gt;');
    const terminal = parseGigsCommand('snapshot <@U0BOSS>', { forSlack: false });
    expect(terminal.kind === 'usage' && terminal.problem).toContain('<@U0BOSS>');
  });
});
