import { validate } from '@octokit/graphql-schema';
import { describe, expect, it } from 'vitest';
import { CONTRIBUTING_QUERY, PULL_DETAILS_QUERY } from '../src/features/leads/queries.ts';

describe.each([
  ['PULL_DETAILS_QUERY', PULL_DETAILS_QUERY],
  ['CONTRIBUTING_QUERY', CONTRIBUTING_QUERY],
])('%s', (_name, query) => {
  it('is valid against the public GitHub GraphQL schema', () => {
    expect(validate(query).map((e) => e.message)).toEqual([]);
  });

  it('bounds every connection (GitHub requires first or last ≤ 100)', () => {
    // Every field with arguments, but the operation, `nodes(ids:)`, `repository(…)` and `object(…)`.
    const connections = [...query.matchAll(/(\w+)\(([^)]*)\)\s*\{/g)].filter(
      ([, , args]) => !/\$|expression/.test(args!),
    );
    expect(connections.length).toBeGreaterThan(query.includes('nodes(ids') ? 3 : -1);
    for (const [, field, args] of connections) {
      const n = Number(/\b(?:first|last):\s*(\d+)/.exec(args!)?.[1]);
      expect(n, field).toBeGreaterThan(0);
      expect(n, field).toBeLessThanOrEqual(100);
    }
  });
});

it('would be caught if it asked for a field GitHub does not have', () => {
  const broken = PULL_DETAILS_QUERY.replace('authorAssociation', 'association');
  expect(
    validate(broken)
      .map((e) => e.message)
      .join('\n'),
  ).toMatch(/association/);
});
