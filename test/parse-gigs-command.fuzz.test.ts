import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
});
