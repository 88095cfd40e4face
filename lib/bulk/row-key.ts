import { createHash } from "node:crypto";

/**
 * The idempotency key of row `rowNumber` of a batch: a UUID (version 8, "custom") from a hash of both, so
 * every instance, after any restart, derives the same key for the same row and submitSend can never
 * record or send that row twice.
 */
export function rowIdempotencyKey(batchId: string, rowNumber: number): string {
  const hex = createHash("sha256").update(`bulk:${batchId}:${rowNumber}`).digest("hex");
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
