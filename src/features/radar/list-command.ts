import type { SubcommandHandler } from '../../listeners/commands/gigs.ts';
import type { RadarMemory } from './find-opportunities.ts';
import { postOpportunities } from './post-list.ts';

/** `/gigs [filters]`: the first page of the radar, posted in the channel. */
export const listOpportunities =
  (memory: RadarMemory): SubcommandHandler<'list'> =>
  async (command, args, deps) => {
    await postOpportunities(
      deps,
      {
        channel: args.command.channel_id,
        client: args.client,
        respond: args.respond,
      },
      command.filters,
      0,
      memory,
    );
  };
