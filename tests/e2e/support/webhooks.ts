import { createHmac, randomUUID } from "node:crypto";
import { E2E } from "./ports";

/** The e2e app runs in production mode, so it has no default: playwright.config.ts gives both sides this. */
export const E2E_WEBHOOK_SECRET = "whsec_ZTJlLXdlYmhvb2stc2VjcmV0LWZvci1naWZ0LWRlc2s=";
export const WEBHOOK_PATH = "/api/sendoso/webhooks";
export const webhookUrl = `${E2E.appUrl}${WEBHOOK_PATH}`;

/** Svix headers for `body`, as Sendoso would send them (`ageSeconds` > 300 makes them stale). */
export function svixHeaders(
  body: string,
  options: { id?: string; ageSeconds?: number; secret?: string } = {},
) {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0);
  const key = Buffer.from((options.secret ?? E2E_WEBHOOK_SECRET).slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return {
    "content-type": "application/json",
    "svix-id": id,
    "svix-timestamp": String(timestamp),
    "svix-signature": `v1,${signature}`,
  };
}
