import { deflateSync } from 'node:zlib';

/**
 * A small bar chart of weekly completion as a PNG, in plain TypeScript: an RGB
 * canvas, zlib's deflate and a CRC32 table are all a PNG needs, so no native
 * image library has to install. No text is drawn; the upload's alt text and
 * the message carry the numbers.
 */
export interface ChartBar {
  /** 0–1. */
  rate: number;
}

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [255, 255, 255];
const GRID: Rgb = [226, 228, 232];
const AXIS: Rgb = [150, 155, 165];
const BAR: Rgb = [120, 190, 150];
const CURRENT: Rgb = [46, 139, 87];

export const CHART_WIDTH = 480;
export const CHART_HEIGHT = 200;

export function renderCompletionChart(
  bars: readonly ChartBar[],
  width = CHART_WIDTH,
  height = CHART_HEIGHT,
): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  const fill = (x0: number, y0: number, x1: number, y1: number, c: Rgb) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) {
        const i = (y * width + x) * 3;
        pixels[i] = c[0];
        pixels[i + 1] = c[1];
        pixels[i + 2] = c[2];
      }
    }
  };
  fill(0, 0, width, height, BACKGROUND);
  const pad = 12;
  const top = pad;
  const bottom = height - pad;
  const plot = bottom - top;
  for (const q of [0.25, 0.5, 0.75, 1]) {
    const y = Math.round(bottom - q * plot);
    fill(pad, y, width - pad, y + 1, GRID);
  }
  fill(pad, bottom, width - pad, bottom + 1, AXIS);
  const n = Math.max(bars.length, 1);
  const slot = (width - 2 * pad) / n;
  const barWidth = Math.max(2, Math.floor(slot * 0.6));
  bars.forEach((bar, i) => {
    const r = Math.min(1, Math.max(0, bar.rate));
    const x0 = Math.round(pad + i * slot + (slot - barWidth) / 2);
    const y0 = Math.round(bottom - r * plot);
    fill(x0, y0, x0 + barWidth, bottom, i === bars.length - 1 ? CURRENT : BAR);
  });
  return encodePng(width, height, pixels);
}

/** An 8-bit RGB PNG of raw pixels (row-major, 3 bytes each). */
export function encodePng(width: number, height: number, rgb: Buffer): Buffer {
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgb.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
