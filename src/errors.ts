/** Error codes a user or operator can act on; messages say what to do. */
export const ErrorCode = {
  ConfigInvalid: 'gigops_config_invalid',
  SlackAuthFailed: 'gigops_slack_auth_failed',
  SlackUnavailable: 'gigops_slack_unavailable',
  GitHubUnavailable: 'gigops_github_unavailable',
  GitHubUnreachable: 'gigops_github_unreachable',
  GitHubRateLimited: 'gigops_github_rate_limited',
  GitHubAuthFailed: 'gigops_github_auth_failed',
  /** The issue or post an opportunity names no longer exists (deleted, or never did). */
  OpportunityGone: 'gigops_opportunity_gone',
  NotionSchemaMismatch: 'gigops_notion_schema_mismatch',
  NotionUnavailable: 'gigops_notion_unavailable',
  StoreFailed: 'gigops_store_failed',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class GigopsError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GigopsError';
    this.code = code;
  }
}

export const isGigopsError = (e: unknown, code?: ErrorCode): e is GigopsError =>
  e instanceof GigopsError && (code === undefined || e.code === code);
