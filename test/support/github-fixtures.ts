import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Real GitHub payloads for drafting tests:
 * - `openapiIssue`, `openapiComments`, `openapiSearchPulls`: GitHub's official
 *   examples from @octokit/openapi (`issue`, `issue-comment-items`,
 *   `issue-search-result-item-paginated`).
 * - `recordedIssue`: an issue recorded from api.github.com by @octokit/fixtures
 *   (scenario `paginate-issues`).
 * `goPanicIssue` starts from the official `issue` example and only replaces
 * title, body, labels and counts with a Go panic report written after GitHub's
 * issue docs; everything else is the real payload shape.
 */
const require = createRequire(import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(require.resolve(path), 'utf8')) as unknown;

interface Examples {
  components: { examples: Record<string, { value: unknown }> };
}
const openapi = read('@octokit/openapi/generated/api.github.com.json') as Examples;
const example = (name: string) =>
  structuredClone(openapi.components.examples[name]!.value) as Record<string, unknown> & {
    items?: Array<Record<string, unknown>>;
  };

export const openapiIssue = () => example('issue');
export const openapiComments = () => example('issue-comment-items') as unknown as unknown[];
export const openapiComment = () => example('issue-comment');
export const openapiSearchPulls = () => example('issue-search-result-item-paginated');

const recorded = read(
  '@octokit/fixtures/scenarios/api.github.com/paginate-issues/normalized-fixture.json',
) as Array<{
  response: Array<Record<string, unknown>>;
}>;
export const recordedIssue = () => structuredClone(recorded[0]!.response[0]!);

export function goPanicIssue(): Record<string, unknown> {
  return {
    ...openapiIssue(),
    title: 'pool: panic on Close while a Get is in flight',
    body: [
      'Calling `Close` while another goroutine is blocked in `Get` crashes the process.',
      '',
      '```',
      'panic: send on closed channel',
      '',
      'goroutine 18 [running]:',
      'example.com/pool.(*Pool).Put(...)',
      '```',
      '',
      'Steps to reproduce: run `go test -race -run TestCloseWhileGet ./pool`.',
    ].join('\n'),
    labels: [
      { id: 1, name: 'bug', color: 'f29513', default: true },
      { id: 2, name: 'help wanted' },
    ],
    comments: 12,
    reactions: { total_count: 7 },
  };
}
