/**
 * Who may act on client data and for everyone (PRODUCT.md → Roles): run
 * `/gigs sync` and `/gigs snapshot`, press Post now, dismiss opportunities,
 * see client figures in the App Home. `admins` when set, else
 * `proposals.approvers`; when both are empty, anyone (doctor warns).
 */
export interface RolesConfig {
  admins?: readonly string[] | undefined;
  proposals: { approvers: readonly string[] };
}

export const adminsOf = (config: RolesConfig): readonly string[] =>
  config.admins && config.admins.length > 0 ? config.admins : config.proposals.approvers;

export function isAdmin(config: RolesConfig, user: string | undefined): boolean {
  const admins = adminsOf(config);
  return admins.length === 0 || (user !== undefined && admins.includes(user));
}
