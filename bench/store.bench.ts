/**
 * The radar's memory with 10,000 remembered opportunities, on SQLite (a file,
 * WAL, as in production): the dedupe lookup /gigs and the digest do (getMany
 * of one candidate list) and digest selection (getMany, then claim and give
 * back a page). Baseline: the same operations on a store of 100. PostgreSQL:
 * its store does not implement opportunities on this branch, so SQLite only.
 */
import { join } from 'node:path';
import { DIGEST_LEASE_MS } from '../src/services/post-digest.ts';
import { createSqliteStore } from '../src/store/sqlite/index.ts';
import type { OpportunityData, Store } from '../src/store/store.ts';
import { tempDir } from '../test/support/env.ts';
import type { BenchModule, BenchResult } from './run.ts';
import { median, ratio } from './support/measure.ts';

const REMEMBERED = 10_000;
const CANDIDATES = 50;
const PAGE = 5;
const RUNS = 200;

const item = (n: number): OpportunityData => ({
  id: `org${n % 97}/repo${n}#${n}`,
  repo: `org${n % 97}/repo${n}`,
  number: n,
  url: `https://github.com/org${n % 97}/repo${n}/issues/${n}`,
  title: `Issue ${n}`,
  labels: ['help wanted'],
  bodyExcerpt: 'Steps to reproduce…',
  stars: 500 + n,
  comments: 5 + (n % 40),
  score: n % 1000,
  reasons: [{ kind: 'comments', n: 5 }],
});

async function timings(size: number) {
  const store: Store = createSqliteStore(join(tempDir('gigops-bench-store-'), 'gigops.db'));
  try {
    const now = new Date('2026-11-23T09:00:00Z');
    for (let i = 0; i < size; i += 500)
      await store.opportunities.upsert(
        Array.from({ length: Math.min(500, size - i) }, (_, k) => item(i + k)),
        now,
      );
    const lookup: number[] = [];
    const digest: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const ids = Array.from({ length: CANDIDATES }, (_, k) => item((r * 37 + k * 199) % size).id);
      let t0 = performance.now();
      await store.opportunities.getMany(ids);
      lookup.push(performance.now() - t0);
      t0 = performance.now();
      const records = await store.opportunities.getMany(ids);
      const fresh = records.filter((x) => !x.postedInDigestAt).slice(0, PAGE);
      const claimed = await store.opportunities.claimForDigest(
        fresh.map((x) => x.id),
        'bench',
        now,
        DIGEST_LEASE_MS,
      );
      digest.push(performance.now() - t0);
      await store.opportunities.releaseDigest(claimed, 'bench');
    }
    return { lookup: median(lookup), digest: median(digest) };
  } finally {
    await store.close();
  }
}

async function run(): Promise<BenchResult[]> {
  const small = await timings(100);
  const big = await timings(REMEMBERED);
  return [
    {
      name: `SQLite dedupe lookup, ${CANDIDATES} candidates among ${REMEMBERED} remembered (median of ${RUNS})`,
      value: big.lookup,
      unit: 'ms',
      baseline: small.lookup,
      target: `reported (${ratio(big.lookup, small.lookup)}× a 100-item store)`,
      pass: true,
    },
    {
      name: `SQLite digest selection, ${CANDIDATES} candidates → claim ${PAGE}, ${REMEMBERED} remembered`,
      value: big.digest,
      unit: 'ms',
      baseline: small.digest,
      target: `reported (${ratio(big.digest, small.digest)}× a 100-item store)`,
      pass: true,
    },
  ];
}

export default { title: 'Store: 10,000 remembered opportunities', run } satisfies BenchModule;
