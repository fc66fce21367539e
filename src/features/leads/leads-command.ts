import type { Deps } from '../../deps.ts';
import { isAdmin } from '../../domain/roles.ts';
import { localTime } from '../../domain/zoned-time.ts';
import { funnelCopy } from '../../i18n/leads-funnel.ts';
import type { SubcommandHandler } from '../../listeners/commands/gigs.ts';
import { buildFunnel, type Funnel } from './funnel.ts';
import { renderFunnel } from './funnel-blocks.ts';
import { watchPull } from './watch-pull.ts';

/** `2026-11`: the month an instant falls in, in the configured zone. */
export const monthIn = (timeZone: string) => (d: Date) => {
  const l = localTime(d, timeZone);
  return `${l.year}-${String(l.month).padStart(2, '0')}`;
};

/** The funnel over everything the store holds. */
export async function loadFunnel(deps: Pick<Deps, 'store' | 'config'>): Promise<Funnel> {
  const [rows, leads] = await Promise.all([deps.store.leads.funnelRows(), deps.store.leads.all()]);
  return buildFunnel(rows, leads, monthIn(deps.config.timezone));
}

/**
 * `/gigs leads` (the funnel, privately: won amounts for admins only) and
 * `/gigs leads watch <url>` (one more pull request followed).
 */
export const leadsCommand: SubcommandHandler<'leads'> = async (
  command,
  { command: body, respond },
  deps,
) => {
  if (command.watch) {
    const text = await watchPull(deps, { ...command.watch, user: body.user_id });
    await respond({ response_type: 'ephemeral', text });
    return;
  }
  const copy = funnelCopy(deps.config.locale);
  const notes = [
    ...(deps.config.proposals.githubLogin ? [] : [copy.noLogin]),
    ...(deps.config.env.GITHUB_TOKEN ? [] : [copy.noToken]),
  ];
  const message = renderFunnel(await loadFunnel(deps), {
    locale: deps.config.locale,
    channel: deps.config.leads!.channel,
    money: isAdmin(deps.config, body.user_id),
    notes,
  });
  await respond({ response_type: 'ephemeral', ...message });
};
