import type { Sql } from '../sql.ts';
import type { Store } from '../store.ts';
import { deliveryRepository } from './delivery.ts';
import { jobRepository } from './jobs.ts';
import { leadRepository } from './leads.ts';
import { metaRepository } from './meta.ts';
import { opportunityRepository } from './opportunities.ts';
import { proposalCommentRepository } from './proposal-comments.ts';
import { proposalRepository } from './proposals.ts';
import { reportRepository } from './reports.ts';
import { snapshotRepository } from './snapshots.ts';

export type Repositories = Pick<
  Store,
  | 'jobs'
  | 'meta'
  | 'opportunities'
  | 'proposals'
  | 'proposalComments'
  | 'snapshots'
  | 'delivery'
  | 'leads'
  | 'reports'
>;

/** Every repository, written once against Sql: both engines run the same queries. */
export function createRepositories(sql: Sql): Repositories {
  return {
    jobs: jobRepository(sql),
    meta: metaRepository(sql),
    opportunities: opportunityRepository(sql),
    proposals: proposalRepository(sql),
    proposalComments: proposalCommentRepository(sql),
    snapshots: snapshotRepository(sql),
    delivery: deliveryRepository(sql),
    leads: leadRepository(sql),
    reports: reportRepository(sql),
  };
}
