import { safeUrl } from '../../blocks/mrkdwn.ts';
import type { PastedPost } from '../../sources/post/index.ts';

/** The most of a post gigops reads: longer pastes are refused at the field, not cut silently. */
export const PASTE_MAX = 20_000;

export type PasteProblem =
  | { field: 'job'; kind: 'empty' | 'only-url' }
  | { field: 'job'; kind: 'too-long'; length: number }
  | { field: 'url'; kind: 'bad-url' };

/**
 * A pasted post, or what is wrong with it (shown next to its field): the text
 * is required, at most 20,000 characters, and more than a link (Upwork's
 * pages cannot be fetched: the words are what gigops reads); the URL, when
 * given, is an http(s) address.
 */
export function validatePaste(
  text: string | null | undefined,
  url: string | null | undefined,
): { ok: true; post: PastedPost } | { ok: false; problems: PasteProblem[] } {
  const problems: PasteProblem[] = [];
  const body = (text ?? '').replace(/\r\n?/g, '\n').trim();
  if (body === '') problems.push({ field: 'job', kind: 'empty' });
  else if (body.length > PASTE_MAX)
    problems.push({ field: 'job', kind: 'too-long', length: body.length });
  else if (/^(?:<?https?:\/\/\S+>?\s*)+$/i.test(body))
    problems.push({ field: 'job', kind: 'only-url' });
  const link = (url ?? '').trim().replace(/^<(.*)>$/, '$1');
  if (link !== '' && !safeUrl(link)) problems.push({ field: 'url', kind: 'bad-url' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, post: { text: body, url: link || undefined } };
}

const ENGLISH = new Set(
  'the and to of a in for is are we you with our on that this need be will it an as or have your by from at'.split(
    ' ',
  ),
);

/**
 * Whether a post is in another language than the draft's (`en` or `zh-CN`),
 * then drafted in `locale` with a note: mostly Chinese characters for an
 * English draft, or Latin words that are not English (few of its commonest
 * words); next to no Chinese for a Chinese draft.
 */
export function otherLanguage(text: string, locale: 'en' | 'zh-CN'): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return false;
  const han = (text.match(/\p{Script=Han}/gu)?.length ?? 0) / letters;
  if (locale === 'zh-CN') return han < 0.05;
  if (han > 0.3) return true;
  const words = text.toLowerCase().match(/\p{Script=Latin}+/gu) ?? [];
  if (words.length < 30) return false;
  return words.filter((w) => ENGLISH.has(w)).length / words.length < 0.05;
}
