import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { renderUsage } from '../../blocks/usage.ts';
import type { Deps } from '../../deps.ts';
import { githubWebHosts } from '../../domain/github-refs.ts';
import { type GigsCommand, parseGigsCommand } from '../../domain/parse-gigs-command.ts';
import { commonCopy } from '../../i18n/common.ts';
import { allowAdmin } from '../admin-only.ts';

/**
 * What a subcommand reads of its request: the command, the Web API client and
 * `respond`; not Bolt's whole arguments, so a subcommand (and its tests)
 * depend on no more than it uses.
 */
export interface CommandArgs {
  command: SlashCommand;
  client: WebClient;
  respond: RespondFn;
}

/** A subcommand's work after the ack: answers through `respond` or the Web API. */
export type SubcommandHandler<K extends GigsCommand['kind']> = (
  command: Extract<GigsCommand, { kind: K }>,
  args: CommandArgs,
  deps: Deps,
) => Promise<void>;

export interface GigsHandlers {
  list?: SubcommandHandler<'list'>;
  propose?: SubcommandHandler<'propose'>;
  snapshot?: SubcommandHandler<'snapshot'>;
  sync?: SubcommandHandler<'sync'>;
  leads?: SubcommandHandler<'leads'>;
}

/** `/gigs …`: ack at once, parse, hand the slow work to one subcommand handler. */
export function registerGigsCommand(app: App, deps: Deps, handlers: GigsHandlers): void {
  app.command('/gigs', async ({ ack, command: body, client, respond: reply }) => {
    const args: CommandArgs = { command: body, client, respond: reply as RespondFn };
    await ack();
    await runGigs(args, deps, handlers);
  });
}

async function runGigs(args: CommandArgs, deps: Deps, handlers: GigsHandlers): Promise<void> {
  const { locale } = deps.config;
  const command = parseGigsCommand(args.command.text ?? '', {
    locale,
    githubHosts: githubWebHosts(deps.config.env.GITHUB_API_URL),
  });
  const { respond } = args;
  try {
    if (command.kind === 'help') {
      await respond({ response_type: 'ephemeral', ...renderUsage(locale) });
      return;
    }
    if (command.kind === 'usage') {
      await respond({ response_type: 'ephemeral', ...renderUsage(locale, command.problem) });
      return;
    }
    if (
      (command.kind === 'sync' || command.kind === 'snapshot') &&
      !(await allowAdmin(deps, args.command.user_id, command.kind, respond))
    )
      return;
    const handler = handlers[command.kind] as SubcommandHandler<typeof command.kind> | undefined;
    if (!handler) {
      await respond({
        response_type: 'ephemeral',
        text: commonCopy(locale).notConfigured[command.kind],
      });
      return;
    }
    await handler(command, args, deps);
  } catch (error) {
    deps.logger.error({ err: error, subcommand: command.kind }, '/gigs failed');
    await respond({ response_type: 'ephemeral', text: commonCopy(locale).somethingFailed }).catch(
      (e: unknown) => deps.logger.warn({ err: e }, 'could not tell the user /gigs failed'),
    );
  }
}
