import { join } from 'node:path';
import type { Store } from '../store.ts';
import { openSqlite } from './db.ts';
import { sqliteDelivery } from './delivery.ts';
import { sqliteJobs } from './jobs.ts';
import { sqliteMeta } from './meta.ts';
import { sqliteOpportunities } from './opportunities.ts';
import { sqliteProposals } from './proposals.ts';
import { sqliteSnapshots } from './snapshots.ts';

/** The embedded store: one file under DATA_DIR, nothing to install. */
export function createSqliteStore(dataDir: string): Store {
  const db = openSqlite(dataDir === ':memory:' ? ':memory:' : join(dataDir, 'gigops.sqlite'));
  let open = true;
  return {
    engine: 'sqlite',
    jobs: sqliteJobs(db),
    meta: sqliteMeta(db),
    opportunities: sqliteOpportunities(db),
    proposals: sqliteProposals(db),
    snapshots: sqliteSnapshots(db),
    delivery: sqliteDelivery(db),
    async ready() {
      return open;
    },
    async close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
