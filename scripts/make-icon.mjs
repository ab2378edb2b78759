// Draws images/icon.png (128x128, the Marketplace size): a postmortem page with a timeline,
// red incident dot to green resolution dot, on the extension's navy banner colour.
// Plain Node (zlib for the PNG's deflate), 4x4 supersampling for smooth edges; no image tools.
// Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 255];
const NAVY = hex('#1B2A41');
const PAGE = hex('#F4F6FA');
const FOLD = hex('#C9D2E0');
const LINE = hex('#7B8AA3');
const TEXT = hex('#B8C2D3');
const RED = hex('#E5484D');
const AMBER = hex('#F5A524');
const GREEN = hex('#30A46C');

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** The page's top-right corner, folded: everything above the diagonal from (x0, y0) to (x1, y1). */
const cornerCut = (x0, y0, x1, y1) => (x, y) => x >= x0 && y <= y1 && (x - x0) / (x1 - x0) >= (y - y0) / (y1 - y0);
const foldTriangle = (x0, y0, x1, y1) => (x, y) => x >= x0 && y <= y1 && x <= x1 && y >= y0 && (x - x0) / (x1 - x0) <= (y - y0) / (y1 - y0);

const page = roundedRect(30, 16, 98, 112, 7);
const cut = cornerCut(78, 16, 98, 36);
const shapes = [
  // [test, colour], painted in order.
  [roundedRect(0, 0, 128, 128, 24), NAVY],
  [(x, y) => page(x, y) && !cut(x, y), PAGE],
  [foldTriangle(78, 16, 98, 36), FOLD],
  [roundedRect(45, 40, 48, 96, 1.5), LINE],
  ...[
    [43, RED, 40],
    [61, AMBER, 30],
    [79, AMBER, 36],
    [97, GREEN, 26],
  ].flatMap(([y, colour, width]) => [
    [circle(46.5, y, 6), colour],
    [roundedRect(58, y - 3, 58 + width, y + 3, 3), TEXT],
  ]),
];

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = px + (sx + 0.5) / SAMPLES;
        const y = py + (sy + 0.5) / SAMPLES;
        let colour = [0, 0, 0, 0];
        for (const [inside, c] of shapes) if (inside(x, y)) colour = c;
        // Premultiplied, so transparent samples do not darken the edges.
        for (let i = 0; i < 3; i++) sum[i] += (colour[i] * colour[3]) / 255;
        sum[3] += colour[3];
      }
    }
    const n = SAMPLES * SAMPLES;
    const alpha = sum[3] / n;
    const o = (py * SIZE + px) * 4;
    for (let i = 0; i < 3; i++) rgba[o + i] = alpha ? Math.round((sum[i] / n) * (255 / alpha)) : 0;
    rgba[o + 3] = Math.round(alpha);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, adaptive filtering, no interlace
// Each row starts with filter type 0 (none).
const raw = Buffer.concat(Array.from({ length: SIZE }, (_, y) => Buffer.concat([Buffer.from([0]), rgba.subarray(y * SIZE * 4, (y + 1) * SIZE * 4)])));
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`wrote images/icon.png (${png.length} bytes)`);
