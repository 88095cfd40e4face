import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { log } from "@/lib/log";
import { readBodyLimited } from "@/lib/security/limited-body";
import { parseSendosoWebhookPayload } from "@/lib/sendoso/webhook-payload";
import { verifySendosoWebhook } from "@/lib/sendoso/webhook-signature";
import { recordSendosoWebhook } from "@/lib/sends/webhook-intake";
import { countWebhookRefusal } from "@/lib/telemetry/metrics";

export const runtime = "nodejs";

/** Sendoso's bodies are a few hundred bytes; anything near this is not from Sendoso. */
const MAX_BODY_BYTES = 64 * 1024;

const refuse = (status: number, error: string) => {
  countWebhookRefusal(error);
  return NextResponse.json({ error }, { status });
};

/**
 * Sendoso's webhooks (through Svix). The caller is authenticated by the signature over the raw body, not
 * a session: no secret configured, a bad signature or a timestamp outside 5 minutes → 401, logged
 * without the body or any secret. A verified delivery is recorded once (a replay answers 200 and changes
 * nothing) and answered at once; the reconciler does the talking to Sendoso later. Svix retries
 * anything but 2xx for days, so an unknown send gid is still a 200.
 */
export async function POST(request: Request) {
  // Counted while reading: a chunked body has no Content-Length to check first.
  const rawBody = await readBodyLimited(request, MAX_BODY_BYTES);
  if (rawBody === null) return refuse(413, "payload_too_large");

  const verified = verifySendosoWebhook({
    secret: getConfig().sendoso.webhookSecret,
    headers: request.headers,
    rawBody,
  });
  if (!verified.ok) {
    log.warn(
      { reason: verified.reason, svixId: request.headers.get("svix-id")?.slice(0, 100) ?? null },
      "sendoso webhook refused",
    );
    return refuse(401, "invalid_signature");
  }

  const payload = parseSendosoWebhookPayload(rawBody);
  if (!payload) {
    log.warn({ svixId: verified.messageId }, "sendoso webhook with a malformed body");
    return refuse(400, "malformed_payload");
  }
  const result = await recordSendosoWebhook(await getDb(), { messageId: verified.messageId, payload });
  return NextResponse.json({ received: true, duplicate: result.status === "duplicate" });
}
