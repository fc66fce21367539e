/**
 * Untrusted text in Slack mrkdwn (PRODUCT.md → Untrusted text). Whatever comes
 * from GitHub, Notion, a job post or an LLM goes through `escapeMrkdwn`, so
 * `<!channel>`, `<@U…>` and `<url|label>` stay text; and only URLs the bot
 * built or validated go inside `<…|…>`, through `mrkdwnLink`.
 */
export const escapeMrkdwn = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The URL, if it is safe inside `<…|…>`: http or https, and nothing that could
 * end the link or start another (`|`, `<`, `>`, white space, control characters).
 */
export function safeUrl(url: string | undefined | null): string | undefined {
  if (!url || url.length > 2_000) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[|<>\s\u0000-\u001f\u007f]/.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A link whose label is escaped text; when the URL is not safe, the label
 * alone. The label is escaped here: pass raw text, never mrkdwn.
 */
export function mrkdwnLink(url: string | undefined | null, label: string): string {
  const safe = safeUrl(url);
  const text = escapeMrkdwn(label);
  return safe ? `<${safe}|${text}>` : text;
}
