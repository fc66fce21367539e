import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';

// fontkit is required with the first PDF (pdf.ts), not at start-up.
const requireLazily = createRequire(import.meta.url);

/**
 * Noto Sans Hans Regular (Simplified Chinese and Latin; SIL Open Font License
 * 1.1), shipped by the npm package @embedpdf/fonts-sc, so 简体中文 renders in
 * a PDF on any machine without system fonts. Parsed once per process: the
 * 8 MB file costs ~100 ms to open, and every PDF embeds only the glyphs it
 * uses (pdfkit subsets), a few tens of KB.
 */
let font: Font | undefined;

export function reportFont(): Font {
  if (!font) {
    // The package exports only its index; the font files sit beside dist/.
    const file = new URL(
      '../fonts/NotoSansHans-Regular.otf',
      import.meta.resolve('@embedpdf/fonts-sc'),
    );
    const { create } = requireLazily('fontkit') as typeof import('fontkit');
    const opened = create(readFileSync(file));
    if (!('layout' in opened)) throw new Error(`${file.pathname} is a font collection, not a font`);
    font = opened;
  }
  return font;
}
