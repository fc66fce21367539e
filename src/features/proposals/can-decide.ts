/**
 * Who may approve or reject a draft: the configured approvers, or, when none
 * are configured, only the person who asked for it.
 */
export function decidersOf(approvers: readonly string[], requestedBy: string): string[] {
  return approvers.length > 0 ? [...approvers] : [requestedBy];
}

export const canDecide = (approvers: readonly string[], requestedBy: string, user: string) =>
  decidersOf(approvers, requestedBy).includes(user);

/** Editing (and polishing) is open to the deciders and to whoever asked for the draft. */
export const canEdit = (approvers: readonly string[], requestedBy: string, user: string) =>
  user === requestedBy || canDecide(approvers, requestedBy, user);
