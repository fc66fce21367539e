import type { ClientConfig } from '../../config-file.ts';

/** GitHub names compare without case. */
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Whether a pull request of `repo` may move a Notion item whose client
 * property reads `itemClient` (PRODUCT.md: "It may move only items of the
 * client whose `repos` list its repository"). The one rule for webhooks and
 * reconciliation alike:
 * - an item of a configured client moves only for that client's repos;
 * - an item of no configured client (empty, or a value no client has) moves
 *   only for repositories no client claims;
 * - with no clients configured there is nobody to protect: any item moves.
 */
export function mayMoveItem(
  clients: readonly Pick<ClientConfig, 'notionClient' | 'repos'>[],
  repo: string,
  itemClient: string | undefined,
): boolean {
  if (clients.length === 0) return true;
  const owner = clients.find((c) => itemClient !== undefined && c.notionClient === itemClient);
  if (owner) return owner.repos.some((r) => same(r, repo));
  return !clients.some((c) => c.repos.some((r) => same(r, repo)));
}
