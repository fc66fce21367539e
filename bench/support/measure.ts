/** Small helpers every bench shares: percentiles, medians and bounded waits. */

export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

export const median = (xs: readonly number[]): number => percentile(xs, 50);

export const ratio = (value: number, baseline: number): number =>
  Math.round((value / baseline) * 100) / 100;

/**
 * A bench never waits forever: past `ms` the promise rejects with what was
 * awaited, so a lost reply fails the run loudly instead of hanging it.
 */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let unique = 0;
/** Slack gives every request its own trigger_id; so do we (the replay guard refuses repeats). */
export const triggerId = (): string => `${Date.now()}.${process.pid}.${++unique}`;
