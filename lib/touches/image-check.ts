/**
 * Touch pictures (issue 17 item 1): PNG, JPEG or WebP, at most 1 MB, judged by their first bytes and
 * never by the name or the browser's declared type. SVG is refused on purpose: it can carry script.
 * No imports, so the admin form can check size and declared type before uploading.
 */
export const MAX_TOUCH_IMAGE_BYTES = 1024 * 1024;
export const TOUCH_IMAGE_ACCEPT = "image/png,image/jpeg,image/webp";

export type SniffedImageType = "image/png" | "image/jpeg" | "image/webp";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

/** The image type its magic bytes say, or null for anything else (SVG, GIF, HTML, a renamed file…). */
export function sniffImageType(bytes: Uint8Array): SniffedImageType | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  // RIFF <size> WEBP: the container, then the format tag at byte 8.
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8) && bytes.length >= 12) return "image/webp";
  return null;
}

export type ImageVerdict = { ok: true; type: SniffedImageType } | { ok: false; message: string };

/** The field message an admin reads for a picture that cannot be used, or the type to store it as. */
export function checkTouchImage(bytes: Uint8Array): ImageVerdict {
  if (bytes.length === 0) return { ok: false, message: "The file is empty." };
  if (bytes.length > MAX_TOUCH_IMAGE_BYTES) return { ok: false, message: tooLargeMessage(bytes.length) };
  const type = sniffImageType(bytes);
  return type ? { ok: true, type } : { ok: false, message: NOT_AN_IMAGE };
}

export const NOT_AN_IMAGE = "This is not a PNG, JPEG or WebP picture (SVG is not accepted).";

export function tooLargeMessage(size: number): string {
  return `The picture is ${Math.ceil(size / 1024)} KB; the limit is 1 MB (1024 KB).`;
}
