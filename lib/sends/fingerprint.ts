import { createHash } from "node:crypto";

/** Stable hash of the upstream body: the same idempotency key must always mean the same gift. */
export function fingerprintOf(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}
