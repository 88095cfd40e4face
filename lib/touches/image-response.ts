import "server-only";
import type { Db } from "@/lib/db/client";
import { readTouchImage } from "./cards-store";

const HASH = /^[0-9a-f]{64}$/;
const ID = /^\d{1,9}$/;

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * A touch picture, as GET /api/touches/{id}/image/{hash} answers it. The URL names the content's hash,
 * so the browser may keep it for a year without asking again (a new picture is a new URL); `private`
 * because only signed-in users may fetch it. The type is the one its magic bytes gave at upload, and
 * nosniff plus a sandboxing CSP make sure a browser never treats the bytes as anything else.
 */
export async function touchImageResponse(db: Db, params: { id: string; hash: string }): Promise<Response> {
  if (!ID.test(params.id) || !HASH.test(params.hash)) return notFound();
  const image = await readTouchImage(db, Number(params.id), params.hash);
  if (!image) return notFound();
  return new Response(image.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(image.bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=31536000, immutable",
      ETag: `"${params.hash}"`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": "inline",
    },
  });
}
