import type { Deps } from '../../deps.ts';
import type { Feature } from '../feature.ts';
import { createSnapshotMailer } from '../reports/index.ts';
import { registerSnapshotApprove } from './approve-button.ts';
import { catchUpSnapshots } from './catch-up.ts';
import type { MailDeps } from './email-report.ts';
import { holdChecks } from './hold.ts';
import { snapshotJobs } from './jobs.ts';
import { registerSnapshotPick } from './pick-menu.ts';
import { registerSnapshotPost } from './post-now-button.ts';
import { reportRoutes } from './report-link.ts';
import { snapshotCommand } from './snapshot-command.ts';

// What the App Home reads of it: a client's figures.
export { composeClientSnapshot, snapshotsConfigured } from './compose.ts';

/**
 * Client snapshots: every client's weekly progress report from the Notion
 * delivery database, posted once per client and week (`snapshot:<id>` jobs,
 * a late post within the grace window at start-up and every 10 minutes),
 * `/gigs snapshot` with its picker and **Post now**; the same week e-mailed
 * to the client (SMTP_URL, EMAIL_FROM, clients[].email), once.
 */
export function createSnapshots(shared: Deps): Feature {
  // E-mailed snapshots: one pooled SMTP transport, made when configured, closed at shutdown.
  const { SMTP_URL, EMAIL_FROM } = shared.config.env;
  const mailer = SMTP_URL && EMAIL_FROM ? createSnapshotMailer(SMTP_URL) : undefined;
  const deps: MailDeps = { ...shared, mailer };
  return {
    name: 'snapshots',
    subcommands: { snapshot: snapshotCommand },
    listen: (listeners) => {
      registerSnapshotPost(listeners, deps);
      registerSnapshotApprove(listeners, deps);
      registerSnapshotPick(listeners, deps);
    },
    jobs: snapshotJobs(deps),
    // GET /r/<token> and /r/<token>.pdf: the report links, served from the store.
    routes: reportRoutes(deps),
    // A snapshot missed while the bot was down goes out late, within the grace window.
    start: async () => {
      await catchUpSnapshots(deps);
      await holdChecks(deps);
    },
    stop: async () => {
      mailer?.close();
    },
  };
}
