import type { Deps } from '../deps.ts';

/**
 * countAndGuard's acks carry where their listener reports work it hands on.
 * A property, not a WeakMap: WeakMap entries go only in full collections, and
 * one per request kept each request's ack (and its HTTP objects) until then.
 */
const HAND_ON = Symbol('handOn');
type Reporter = (work: Promise<void>) => void;

/** countAndGuard: tell me when the listener given this ack hands its work on. */
export function onHandOn(ack: object, report: Reporter): void {
  (ack as { [HAND_ON]?: Reporter })[HAND_ON] = report;
}

/**
 * Acks, then lets the listener return at once: `work` runs once every request
 * waiting has its ack (the ack gate), and only what it closes over stays
 * alive meanwhile. A listener that awaits its ack instead keeps Bolt's whole
 * request (parsed body, context, HTTP objects: ~45 KB in a heap snapshot)
 * until the gate opens, and in a burst of 100 button presses the
 * young-generation GC copies all of that again and again.
 *
 * The request is counted when `work` is done; if it fails, the failure is
 * logged, counted as an error and the user told (countAndGuard), as for any
 * listener.
 */
export function ackThen(
  deps: Pick<Deps, 'idle' | 'lifecycle' | 'logger'>,
  ack: () => Promise<void>,
  work: () => Promise<void>,
): Promise<void> {
  let done!: { resolve: () => void; reject: (error: unknown) => void };
  const finished = new Promise<void>((resolve, reject) => {
    done = { resolve, reject };
  });
  const report = (ack as { [HAND_ON]?: Reporter })[HAND_ON];
  if (report) report(finished);
  else {
    // Not behind countAndGuard (a test app): keep the work in the drain set and log a failure.
    void deps.lifecycle.track(
      finished.catch((error: unknown) =>
        deps.logger.error({ err: error }, 'Slack request failed after its ack'),
      ),
    );
  }
  ack()
    .then(() => deps.idle?.())
    .then(work)
    .then(done.resolve, done.reject);
  return Promise.resolve();
}
