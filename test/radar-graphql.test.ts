import { validate } from '@octokit/graphql-schema';
import { describe, expect, it } from 'vitest';
import { ENRICH_QUERY } from '../src/sources/github/enrich-query.ts';

describe('ENRICH_QUERY', () => {
  it('is valid against the public GitHub GraphQL schema', () => {
    expect(validate(ENRICH_QUERY).map((e) => e.message)).toEqual([]);
  });

  it('would be caught if it asked for a field GitHub does not have', () => {
    const broken = ENRICH_QUERY.replace('stargazerCount', 'starCount');
    expect(
      validate(broken)
        .map((e) => e.message)
        .join('\n'),
    ).toMatch(/starCount/);
  });

  it('bounds every connection (GitHub requires first or last ≤ 100)', () => {
    const connections = [...ENRICH_QUERY.matchAll(/\w+\(([^)]*)\)\s*\{/g)].map((m) => m[1]!);
    for (const args of connections.filter((a) => !a.includes('$ids'))) {
      const n = Number(/\b(?:first|last):\s*(\d+)/.exec(args)?.[1]);
      expect(n, args).toBeGreaterThan(0);
      expect(n, args).toBeLessThanOrEqual(100);
    }
  });
});
