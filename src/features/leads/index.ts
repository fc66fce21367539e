import type { KnownBlock } from '@slack/types';
import type { Deps } from '../../deps.ts';
import { isAdmin } from '../../domain/roles.ts';
import type { Feature } from '../feature.ts';
import { checkContributing } from './check-contributing.ts';
import { renderLeadsHome } from './funnel-blocks.ts';
import { leadsJobs, pollAtStart } from './jobs.ts';
import { commercialLine } from './lead-blocks.ts';
import { leadsCommand, loadFunnel, monthIn } from './leads-command.ts';
import { registerLeadWon } from './won.ts';

// For the proposals feature: what a repository's CONTRIBUTING says about a commercial line.
export { checkContributing } from './check-contributing.ts';

/**
 * What `repo`'s CONTRIBUTING says about a commercial line, as one plain line
 * for the user (the file's own words quoted, escaped): for a draft on an issue
 * there. Never adds the line anywhere.
 */
export async function commercialLineFor(
  deps: Pick<Deps, 'github' | 'store' | 'now' | 'logger' | 'config'>,
  repo: string,
): Promise<string> {
  return commercialLine(await checkContributing(deps, repo), deps.config.locale);
}

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
