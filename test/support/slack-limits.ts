import { expect } from 'vitest';
import { slackLimitProblems } from './slack-block-limits.ts';

export { SLACK_LIMITS, slackBlocksError, slackLimitProblems } from './slack-block-limits.ts';

/** Fails the test with every limit a message or view breaks. */
export function expectWithinSlackLimits(
  blocks: readonly object[],
  kind: 'message' | 'view' = 'message',
) {
  expect(slackLimitProblems(blocks, kind)).toEqual([]);
}
