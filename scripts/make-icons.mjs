#!/usr/bin/env node
// Writes the add-in's PNG icons to assets/: a rounded blue square with "JW" in white.
// No dependencies: the pixels are drawn here and encoded with node:zlib.
// Usage: node scripts/make-icons.mjs
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const assets = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "assets");
const BACKGROUND = [0x10, 0x6e, 0xbe]; // Office blue
const FOREGROUND = [0xff, 0xff, 0xff];

// 5×7 bitmap glyphs, one string per row.
const GLYPHS = {
  J: ["..###", "...#.", "...#.", "...#.", "#..#.", "#..#.", ".##.."],
  W: ["#...#", "#...#", "#...#", "#.#.#", "#.#.#", "##.##", "#...#"],
};

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
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const radius = Math.max(2, Math.round(size / 8));
  const inRoundedSquare = (x, y) => {
    const cx = Math.min(Math.max(x, radius), size - 1 - radius);
    const cy = Math.min(Math.max(y, radius), size - 1 - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  // Text "JW": two 5-wide glyphs and a 1-column gap = 11×7 cells, scaled to fit ~70% width.
  const cell = Math.max(1, Math.floor((size * 0.7) / 11));
  const textW = 11 * cell;
  const textH = 7 * cell;
  const left = Math.floor((size - textW) / 2);
  const top = Math.floor((size - textH) / 2);
  const inText = (x, y) => {
    const gx = Math.floor((x - left) / cell);
    const gy = Math.floor((y - top) / cell);
    if (x < left || y < top || gx >= 11 || gy >= 7) return false;
    if (gx === 5) return false;
    const glyph = gx < 5 ? GLYPHS.J : GLYPHS.W;
    return glyph[gy][gx < 5 ? gx : gx - 6] === "#";
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      if (!inRoundedSquare(x, y)) continue; // transparent corner
      const [r, g, b] = inText(x, y) ? FOREGROUND : BACKGROUND;
      rgba[i] = r;
      rgba[i + 1] = g;
      rgba[i + 2] = b;
      rgba[i + 3] = 0xff;
    }
  }
  return encodePng(size, rgba);
}

const files = { "icon-16.png": 16, "icon-32.png": 32, "icon-64.png": 64, "icon-80.png": 80, "icon-128.png": 128, "logo-filled.png": 300 };
fs.mkdirSync(assets, { recursive: true });
for (const [name, size] of Object.entries(files)) {
  fs.writeFileSync(path.join(assets, name), drawIcon(size));
  console.log(`assets/${name} (${size}×${size})`);
}
