/**
 * Acks, then does the work, for the listeners not yet written as
 * `await ack(); …` (issue 20). The work's failure goes on to the request
 * guard (countAndGuard in index.ts), which logs it, counts it and tells the
 * user. It once handed the work on past the listener's return so Bolt's
 * request could be collected while it waited for the ack gate; measured with
 * and without, that changed nothing at 20 concurrent and nothing in memory
 * (docs/performance.md), so it went.
 */
export async function ackThen<R = void>(
  ack: (response?: R) => Promise<void>,
  work: () => Promise<unknown>,
  response?: R,
): Promise<void> {
  await (response === undefined ? ack() : ack(response));
  await work();
}
