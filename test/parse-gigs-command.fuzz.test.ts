import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGitHubOwner, isGitHubRepo } from '../src/domain/github-refs.ts';
import { parseGigsCommand } from '../src/domain/parse-gigs-command.ts';

const KINDS = new Set(['list', 'propose', 'snapshot', 'sync', 'help', 'usage']);

// Tokens shaped like what people type, mixed with arbitrary unicode noise.
const token = fc.oneof(
  fc.constantFrom(
    'help',
    'propose',
    'snapshot',
    'sync',
    'label:',
    'repo:',
    'min-stars:',
    'min-comments:',
    '"',
    '“',
    '<',
    '>',
    '&amp;',
    ':',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc
    .tuple(
      fc.constantFrom('label', 'repo', 'min-stars', 'min-comments', 'lang', 'https'),
      fc.string({ maxLength: 20 }),
    )
    .map(([k, v]) => `${k}:${v}`),
  fc.webUrl().map((u) => `<${u}>`),
);
const commandText = fc.array(token, { maxLength: 8 }).map((ts) => ts.join(' '));

describe('parseGigsCommand under fuzzing', () => {
  it('never throws, and answers every input with a command or usage naming a problem', () => {
    fc.assert(
      fc.property(fc.oneof(commandText, fc.string({ maxLength: 200 })), (text) => {
        const result = parseGigsCommand(text);
        expect(KINDS.has(result.kind)).toBe(true);
        if (result.kind === 'usage') expect(result.problem.length).toBeGreaterThan(0);
        if (result.kind === 'list') {
          for (const n of [result.filters.minStars, result.filters.minComments]) {
            if (n !== undefined) expect(Number.isInteger(n) && n >= 0).toBe(true);
          }
        }
      }),
      { numRuns: 5_000, seed: 20261123 },
    );
  });

  it('proposes only GitHub issues and echoes at most a clipped token (issue 18, items 9 and 10)', () => {
    const part = fc.oneof(
      fc.constantFrom('..', '.', '-', 'a', 'acme', 'issues', 'pull', '0', '1', '%2e%2e', ''),
      fc.string({ maxLength: 300 }),
      fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
    );
    const url = fc
      .tuple(
        fc.constantFrom('https://', 'http://', 'https://u:p@', 'ftp://', ''),
        fc.constantFrom('github.com', 'www.github.com', 'gitlab.com', 'github.com.evil', ''),
        fc.array(part, { maxLength: 6 }),
      )
      .map(([scheme, host, parts]) => `${scheme}${host}/${parts.join('/')}`);
    fc.assert(
      fc.property(url, (u) => {
        const result = parseGigsCommand(`propose ${u}`);
        if (result.kind === 'propose' && 'post' in result) {
          // A web address elsewhere: the paste modal, with the link as typed (never fetched).
          const link = new URL(result.post.url ?? '');
          expect(['http:', 'https:']).toContain(link.protocol);
          expect(link.hostname).not.toMatch(/^(www\.)?github\.com$/);
        } else if (result.kind === 'propose') {
          expect(new URL(u).hostname).toMatch(/^(www\.)?github\.com$/);
          expect(isGitHubOwner(result.owner) && isGitHubRepo(result.repo)).toBe(true);
          expect(Number.isSafeInteger(result.number) && result.number > 0).toBe(true);
        } else {
          expect(result.kind).toBe('usage');
          expect(result.kind === 'usage' && result.problem.length).toBeLessThan(500);
        }
      }),
      { numRuns: 5_000, seed: 20261204 },
    );
  });
});
