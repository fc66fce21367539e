import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README and docs/ are checked like code: every relative link names a file
 * that exists, every #anchor a heading that exists (GitHub's slugs), and every
 * "README.md → Heading" or "docs/x.md → Heading" in src/ or the docs names a
 * heading of that file.
 */

const root = resolve(import.meta.dirname, '..');
const docFiles = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Markdown outside fenced code blocks, line by line. */
function prose(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2… */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function headings(file: string): { texts: Set<string>; anchors: Set<string> } {
  const texts = new Set<string>();
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of prose(readFileSync(join(root, file), 'utf8'))) {
    const m = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const heading = m[1] ?? '';
    texts.add(heading.replace(/`/g, ''));
    const base = slug(heading);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return { texts, anchors };
}

/** Every problem with the links of one markdown file (relative to the repository root). */
function brokenLinks(file: string): string[] {
  const problems: string[] = [];
  const text = prose(readFileSync(join(root, file), 'utf8'))
    .join('\n')
    .replace(/`[^`\n]*`/g, (code) => (code.includes('](') ? '' : code));
  for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = m[1] ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
    const [path = '', anchor] = target.split('#', 2);
    const linked = path === '' ? file : relative(root, resolve(root, dirname(file), path));
    if (!existsSync(join(root, linked))) {
      problems.push(`${file}: link to ${target}: no file ${linked}`);
      continue;
    }
    if (anchor === undefined) continue;
    if (!linked.endsWith('.md') || statSync(join(root, linked)).isDirectory()) {
      problems.push(`${file}: link to ${target}: an anchor into a file that is not markdown`);
      continue;
    }
    if (!headings(linked).anchors.has(anchor)) {
      problems.push(`${file}: link to ${target}: ${linked} has no heading #${anchor}`);
    }
  }
  return problems;
}

/** "README.md → Heading" and "docs/x.md → Heading" in a text. */
function brokenArrows(where: string, text: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/\b(README(?:\.md)?|docs\/[\w-]+\.md)\s*→\s*([^,.;:\n`'")\]]+)/g)) {
    const file = m[1] === 'README' || m[1] === undefined ? 'README.md' : m[1];
    const heading = (m[2] ?? '').trim();
    if (!existsSync(join(root, file))) {
      problems.push(`${where}: "${m[0]}": no file ${file}`);
    } else if (!headings(file).texts.has(heading)) {
      problems.push(`${where}: "${m[0]}": ${file} has no heading "${heading}"`);
    }
  }
  return problems;
}

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

describe('the README and docs/', () => {
  it('link only to files and headings that exist', () => {
    expect(docFiles.flatMap(brokenLinks)).toEqual([]);
  });

  it('are named correctly by every "README.md → Heading" in src/ and the docs', () => {
    const files = [...sources('src'), 'bin/gigops.js', ...docFiles].filter((f) =>
      existsSync(join(root, f)),
    );
    expect(files.flatMap((f) => brokenArrows(f, readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });

  it('keep the README a guide: under 15 KB', () => {
    expect(statSync(join(root, 'README.md')).size).toBeLessThan(15 * 1024);
  });

  it('catch a broken link, a wrong anchor and a wrong heading reference', () => {
    expect(slug('Webhooks (HTTP mode, or any bot GitHub can reach)')).toBe(
      'webhooks-http-mode-or-any-bot-github-can-reach',
    );
    expect(slug('`/gigs sync`')).toBe('gigs-sync');
    expect(brokenArrows('x', 'See README.md → No such heading, and .env.example.')).toHaveLength(1);
    expect(brokenArrows('x', 'See README.md → Environment, and .env.example.')).toEqual([]);
  });
});
