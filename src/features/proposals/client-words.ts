import type { Brief } from './brief.ts';

/** A title without its `[tag]` or `pkg:` prefix and final stop, its double quotes made single. */
export const cleanTitle = (t: string) =>
  t
    .replace(/^\s*(\[[^\]]*\]\s*|[\w/.-]+:\s+)+/, '')
    .replace(/[.。\s]+$/, '')
    .replace(/"/g, "'");

/** The client's problem in their words: the title, or the post's first real sentence. */
export function clientWords(brief: Brief): string {
  if (brief.kind === 'issue' || brief.title.trim()) return cleanTitle(brief.title);
  for (const raw of brief.body.split('\n')) {
    const line = raw.replace(/^\s*(?:#+|[-*•]|\d+[.)])\s*/, '').trim();
    if (line.length < 12 || META_LINE.test(line) || MONEY.test(line)) continue;
    const sentence = line
      .replace(GREETING, '')
      .split(/(?<=[.!?。！？])\s+/)
      .find((s) => s.length >= 12 && !GREETING_ONLY.test(s));
    if (sentence) return cleanTitle(sentence);
  }
  return cleanTitle(brief.body.replace(/\s+/g, ' ').slice(0, 150));
}

const GREETING = /^(?:hi|hello|hey|dear|greetings)\b[^,.!\n]{0,30}[,.!]\s*/i;
const GREETING_ONLY = /^(?:hi|hello|hey|dear|greetings|thanks|thank you)\b[^.!?]{0,30}[.!]?$/i;
const MONEY = /[$€£¥]\s?\d|\d\s?(?:USD|EUR|GBP|CNY|元)\b/i;
/** Lines Upwork and the like print around a post: not the client's words. */
const META_LINE =
  /^(?:posted|fixed[- ]price|hourly|budget|est(?:imated)?\.? budget|experience level|expert|intermediate|entry level|project type|worldwide|less than|more than|\d+ to \d+ months|skills and expertise|activity on this job|proposals?:|interviewing|invites sent|about the client|payment method|job link|url)\b/i;
