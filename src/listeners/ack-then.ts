/**
 * A listener that acks and then has slow work (store writes, rendering, a
 * response_url post) normally stays suspended in `await ack()` until the ack
 * gate opens, and with it every frame of Bolt's request above it: the
 * HTTP request and response, the parsed body, the listener arguments. Under
 * a burst those survive young collections by the hundred (a button press
 * ~45 KB), and each collection copies them again.
 *
 * `ackThen(ack, work)` acks, lets the listener return at once, and runs
 * `work` when the gate opens. `work` must close over only what it reads
 * (an id, the message blocks, `respond`), not the listener's arguments, so
 * that Bolt's request can be collected while the work waits. Its failure is
 * logged, counted and told to the user as a listener's would be
 * (countAndGuard in index.ts). Outside countAndGuard (a plain Bolt app) it
 * acks and runs the work in line.
 */
export const LATER = Symbol('gigops.ackThen');

/** `response`: what the ack carries (a view submission's errors, update, push or clear). */
export type Later = (work: () => Promise<unknown>, response?: unknown) => Promise<void>;

export async function ackThen<R = void>(
  ack: (response?: R) => Promise<void>,
  work: () => Promise<unknown>,
  response?: R,
): Promise<void> {
  const later = (ack as { [LATER]?: Later })[LATER];
  if (later) return later(work, response);
  await (response === undefined ? ack() : ack(response));
  await work();
}
