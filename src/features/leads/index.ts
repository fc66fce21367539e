import type { KnownBlock } from '@slack/types';
import type { Deps } from '../../deps.ts';
import { isAdmin } from '../../domain/roles.ts';
import type { Feature } from '../feature.ts';
import { renderLeadsHome } from './funnel-blocks.ts';
import { leadsJobs, pollAtStart } from './jobs.ts';
import { leadsCommand, loadFunnel, monthIn } from './leads-command.ts';
import { registerLeadWon } from './won.ts';

// For the proposals feature: what a repository's CONTRIBUTING says about a commercial line.
export { checkContributing } from './check-contributing.ts';

/**
 * Leads: your pull requests in others' repositories, followed from opening to
 * a paying client. The `leads:poll` job on `leads.pollCron` finds them and
 * what changed; each has one message in `leads.channel`, edited in place, one
 * thread reply per review, maintainer comment, merge or close, and one
 * validation announcement. `/gigs leads [watch <url>]`, **Mark as won**.
 */
export function createLeads(deps: Deps): Feature {
  if (!deps.config.leads) return { name: 'leads' };
  return {
    name: 'leads',
    subcommands: { leads: leadsCommand },
    listen: (listeners) => registerLeadWon(listeners, deps),
    jobs: leadsJobs(deps),
    // What changed while the bot was down; a message or announcement a crash left unposted.
    start: () => pollAtStart(deps),
  };
}

/**
 * The App Home's section about leads (home renders it among its sections):
 * counts, and this month's won amount for admins. Empty when leads are off.
 */
export async function leadsHomeSection(deps: Deps, userId: string): Promise<KnownBlock[]> {
  if (!deps.config.leads) return [];
  const funnel = await loadFunnel(deps);
  return renderLeadsHome(funnel, {
    locale: deps.config.locale,
    money: isAdmin(deps.config, userId),
    month: monthIn(deps.config.timezone)(deps.now()),
  });
}

/**
 * Records that a proposal was sent (commented on GitHub, or marked sent by
 * hand), for the funnel's "sent" step; the proposals feature calls it. True
 * the first time.
 */
export function recordProposalSent(
  deps: Pick<Deps, 'store' | 'now'>,
  proposal: { id: string; opportunityId: string },
  via: 'github_comment' | 'marked',
): Promise<boolean> {
  return deps.store.leads.markSent(proposal.id, proposal.opportunityId, via, deps.now());
}
