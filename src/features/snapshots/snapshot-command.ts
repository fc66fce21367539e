import { escapeMrkdwn } from '../../blocks/mrkdwn.ts';
import { renderUsage } from '../../blocks/usage.ts';
import type { Deps } from '../../deps.ts';
import { echoInput } from '../../domain/parse-gigs-command.ts';
import { isGigopsError } from '../../errors.ts';
import { snapshotCopy } from '../../i18n/snapshots.ts';
import type { SubcommandHandler } from '../../listeners/commands/gigs.ts';
import { snapshotsConfigured } from './compose.ts';
import { previewClientSnapshot } from './preview.ts';
import { renderClientPicker } from './preview-blocks.ts';

/** `/gigs snapshot [client-id]`: a private preview, a picker, or what to configure. */
export const snapshotCommand: SubcommandHandler<'snapshot'> = async (command, args, deps) => {
  const { respond } = args;
  try {
    await respond({
      response_type: 'ephemeral',
      ...(await answerSnapshot(deps, command.clientId)),
    });
  } catch (error) {
    if (!isGigopsError(error)) throw error;
    deps.logger.warn({ err: error }, 'snapshot preview failed');
    await respond({
      response_type: 'ephemeral',
      text: snapshotCopy(deps.config.locale).notionProblem(escapeMrkdwn(error.message)),
    });
  }
};

/** The ephemeral answer for a client id (or none); shared with the picker. */
export async function answerSnapshot(deps: Deps, clientId: string | undefined) {
  const { locale, clients } = deps.config;
  const copy = snapshotCopy(locale);
  if (clients.length === 0) return { text: copy.noClients };
  const client =
    clientId === undefined
      ? clients.length === 1
        ? clients[0]
        : undefined
      : clients.find((c) => c.id === clientId);
  if (clientId !== undefined && !client) {
    return renderUsage(
      locale,
      copy.unknownClient(echoInput(clientId), clients.map((c) => c.id).join(', ')),
    );
  }
  if (!snapshotsConfigured(deps)) return { text: copy.needNotion };
  if (!client) return renderClientPicker(clients, locale);
  return previewClientSnapshot(deps, client);
}
