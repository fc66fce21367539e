import type { RespondFn } from '@slack/bolt';
import type { Deps } from '../deps.ts';
import { adminsOf, isAdmin } from '../domain/roles.ts';
import { type AdminAction, commonCopy } from '../i18n/common.ts';

/**
 * The role check of every admin action (PRODUCT.md → Roles): true when `user`
 * may go ahead; otherwise a private one-line refusal naming who can, and false.
 */
export async function allowAdmin(
  deps: Deps,
  user: string | undefined,
  what: AdminAction,
  respond: RespondFn,
): Promise<boolean> {
  if (isAdmin(deps.config, user)) return true;
  deps.logger.info({ user, action: what }, 'refused: not an admin');
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: commonCopy(deps.config.locale).onlyAdmins(what, adminsOf(deps.config)),
  });
  return false;
}
