// Renders public/icon.svg into the raster icons the root layout and the web manifest name:
// favicon.ico (32 px PNG inside an ICO container), apple-icon.png (180 px), icon-192.png, icon-512.png.
// Run after changing the SVG: `node scripts/make-icons.mjs` (sharp comes with Next).
import { readFile, writeFile } from "node:fs/promises";
import sharp from "sharp";

const svg = await readFile(new URL("../public/icon.svg", import.meta.url));
const png = (size) => sharp(svg, { density: 384 }).resize(size, size).png().toBuffer();
const out = (name) => new URL(`../public/${name}`, import.meta.url);

for (const [name, size] of [
  ["apple-icon.png", 180],
  ["icon-192.png", 192],
  ["icon-512.png", 512],
]) {
  await writeFile(out(name), await png(size));
}

// ICO header (6 bytes) + one 16-byte directory entry + the PNG itself (PNG entries are valid since Vista).
const image = await png(32);
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6); // width
header.writeUInt8(32, 7); // height
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(image.length, 14);
header.writeUInt32LE(22, 18); // offset of the image
await writeFile(out("favicon.ico"), Buffer.concat([header, image]));
