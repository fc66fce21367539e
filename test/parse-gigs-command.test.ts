import { describe, expect, it } from 'vitest';
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
    ['propose', 'propose'],
    ['propose https://github.com/golang/go/pull/1', 'not a GitHub issue URL'],
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
