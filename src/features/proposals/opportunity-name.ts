import { opportunityLabel, parseOpportunityRef } from '../../domain/opportunity.ts';
import type { Locale } from '../../i18n/locale.ts';
import { proposalCopy } from '../../i18n/proposals.ts';
import { POST_SOURCE } from '../../sources/post/index.ts';

/**
 * How an opportunity is named in the messages around a draft: an issue by its
 * key (`owner/repo#12`); a pasted job post, whose key is a digest, as "this job post".
 */
export function opportunityName(id: string, locale: Locale): string {
  return parseOpportunityRef(id)?.source === POST_SOURCE
    ? proposalCopy(locale).jobPost
    : opportunityLabel(id);
}
