import type { Store } from './store.ts';

type Fn = (...args: never[]) => Promise<unknown>;

/**
 * The same store, with every operation that throws reported by name
 * (`jobs.claimSlot`, `ready`) before the error goes on to the caller. One
 * wrapper here, so no repository or call site counts on its own.
 */
export function countStoreErrors(store: Store, onError: (operation: string) => void): Store {
  const wrap = <F extends Fn>(operation: string, fn: F): F =>
    (async (...args: Parameters<F>) => {
      try {
        return await fn(...args);
      } catch (error) {
        onError(operation);
        throw error;
      }
    }) as F;
  const repository = <R extends object>(name: string, repo: R): R =>
    Object.fromEntries(
      Object.entries(repo).map(([key, value]) => [
        key,
        typeof value === 'function' ? wrap(`${name}.${key}`, value.bind(repo) as Fn) : value,
      ]),
    ) as R;
  return {
    engine: store.engine,
    jobs: repository('jobs', store.jobs),
    meta: repository('meta', store.meta),
    opportunities: repository('opportunities', store.opportunities),
    proposals: repository('proposals', store.proposals),
    proposalComments: repository('proposalComments', store.proposalComments),
    snapshots: repository('snapshots', store.snapshots),
    delivery: repository('delivery', store.delivery),
    leads: repository('leads', store.leads),
    reports: repository('reports', store.reports),
    ready: wrap('ready', () => store.ready()),
    close: wrap('close', () => store.close()),
    ...(store.checkpoint && { checkpoint: wrap('checkpoint', store.checkpoint.bind(store)) }),
  };
}
