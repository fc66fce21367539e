import type { Deps } from '../deps.ts';
import type { SlotRecord } from '../store/store.ts';

export interface SlotOptions {
  job: string;
  slot: string;
  /** A claim unfinished for longer belonged to a runner that died: it may be taken over. */
  leaseMs: number;
  /**
   * `slot` (default): done once, completed with the result, given back only on
   * failure. `lock`: held while running and given back either way (one run at a
   * time, as often as asked).
   */
  mode?: 'slot' | 'lock';
}

export type Outcome<T> =
  | { ran: true; value: T }
  /** Another runner has it, or had it: its record, when there is one. */
  | { ran: false; slot: SlotRecord | undefined };

/**
 * The claim / run / complete-or-give-back protocol every scheduled post and
 * exclusive run follows, in one place: claim the slot in the store (one
 * conditional statement: one winner across replicas and restarts), run `fn`,
 * then complete the slot with `fn`'s result, or give it back when `fn`
 * throws so a later attempt may run it.
 */
export async function runExactlyOnce<T>(
  deps: Pick<Deps, 'store' | 'instanceId' | 'now'>,
  { job, slot, leaseMs, mode = 'slot' }: SlotOptions,
  fn: () => Promise<{ value: T; result?: string | undefined }>,
): Promise<Outcome<T>> {
  const { jobs } = deps.store;
  if (!(await jobs.claimSlot(job, slot, deps.instanceId, deps.now(), leaseMs)))
    return { ran: false, slot: mode === 'slot' ? await jobs.getSlot(job, slot) : undefined };
  let done: { value: T; result?: string | undefined };
  try {
    done = await fn();
  } catch (error) {
    await jobs.releaseSlot(job, slot, deps.instanceId);
    throw error;
  }
  if (mode === 'lock') await jobs.releaseSlot(job, slot, deps.instanceId);
  else await jobs.completeSlot(job, slot, done.result, deps.now());
  return { ran: true, value: done.value };
}
