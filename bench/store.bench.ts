/**
 * The radar's memory with 10,000 remembered opportunities, on both engines:
 * SQLite (a file, WAL, as in production) and PostgreSQL (the shared store for
 * replicas, in a fresh schema the bench creates and drops, on the server the
 * store tests use: GIGOPS_TEST_DATABASE_URL, default 127.0.0.1:5432/test).
 * Measured: the dedupe lookup /gigs and the digest do (getMany of one
 * candidate list) and digest selection (getMany, then claim and give back a
 * page). Baseline: the same operations on a store of 100 of the same engine.
 * When PostgreSQL is unreachable its rows are replaced by one saying so.
 */
import { rmSync } from 'node:fs';
import { DIGEST_LEASE_MS } from '../src/features/radar/post-digest.ts';
import type { OpportunityData } from '../src/store/opportunity-store.ts';
import { createSqliteStore } from '../src/store/sqlite/index.ts';
import type { Store } from '../src/store/store.ts';
import { tempDir } from '../test/support/env.ts';
import {
  dropTestSchemas,
  engines,
  postgresAvailable,
  TEST_DATABASE_URL,
} from '../test/support/stores.ts';
import type { BenchModule, BenchResult } from './run.ts';
import { median, ratio } from './support/measure.ts';

const REMEMBERED = 10_000;
const CANDIDATES = 50;
const PAGE = 5;
const RUNS = 200;

const item = (n: number): OpportunityData => ({
  id: `github:org${n % 97}/repo${n}#${n}`,
  source: 'github',
  key: `org${n % 97}/repo${n}#${n}`,
  label: `org${n % 97}/repo${n}#${n}`,
  project: `org${n % 97}/repo${n}`,
  url: `https://github.com/org${n % 97}/repo${n}/issues/${n}`,
  title: `Issue ${n}`,
  labels: ['help wanted'],
  bodyExcerpt: 'Steps to reproduce…',
  stars: 500 + n,
  comments: 5 + (n % 40),
  score: n % 1000,
  reasons: [{ kind: 'comments', n: 5 }],
});

/** One engine: opens a fresh, empty store; `cleanup` runs once after both sizes. */
interface Subject {
  label: string;
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

function sqlite(): Subject {
  const dirs: string[] = [];
  return {
    label: 'SQLite',
    async open() {
      const dir = tempDir('gigops-bench-store-');
      dirs.push(dir);
      return createSqliteStore(dir);
    },
    async cleanup() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgres(): Subject {
  const engine = engines.find((e) => e.name === 'postgres')!;
  return {
    label: 'PostgreSQL',
    // A new schema per store (the store tests' helper), so each size starts empty.
    open: () => engine.location().open(),
    cleanup: dropTestSchemas,
  };
}

async function timings(open: () => Promise<Store>, size: number) {
  const store = await open();
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

async function measure(subject: Subject): Promise<BenchResult[]> {
  try {
    const small = await timings(subject.open, 100);
    const big = await timings(subject.open, REMEMBERED);
    return [
      {
        name: `${subject.label} dedupe lookup, ${CANDIDATES} candidates among ${REMEMBERED} remembered (median of ${RUNS})`,
        value: big.lookup,
        unit: 'ms',
        baseline: small.lookup,
        target: `reported (${ratio(big.lookup, small.lookup)}× a 100-item store)`,
        pass: true,
      },
      {
        name: `${subject.label} digest selection, ${CANDIDATES} candidates → claim ${PAGE}, ${REMEMBERED} remembered`,
        value: big.digest,
        unit: 'ms',
        baseline: small.digest,
        target: `reported (${ratio(big.digest, small.digest)}× a 100-item store)`,
        pass: true,
      },
    ];
  } finally {
    await subject.cleanup();
  }
}

async function run(): Promise<BenchResult[]> {
  const rows = await measure(sqlite());
  if (postgresAvailable) return [...rows, ...(await measure(postgres()))];
  process.stdout.write(
    `PostgreSQL is not reachable at ${TEST_DATABASE_URL}: its store rows are SKIPPED (set GIGOPS_TEST_DATABASE_URL to a reachable server to measure them)\n`,
  );
  return [
    ...rows,
    {
      name: `PostgreSQL dedupe lookup and digest selection, ${REMEMBERED} remembered`,
      value: 0,
      unit: '',
      target: 'skipped: PostgreSQL unreachable',
      pass: true,
    },
  ];
}

export default { title: 'Store: 10,000 remembered opportunities', run } satisfies BenchModule;
