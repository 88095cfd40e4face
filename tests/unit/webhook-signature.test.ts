import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifySendosoWebhook } from "@/lib/sendoso/webhook-signature";

const secret = `whsec_${randomBytes(32).toString("base64")}`;
const body = '{"send_gid":"Z2lkOi8vc2VuZG9zby9TZW5kLzQ0","status_changed_at":"2026-11-26T10:00:00.000Z"}';
const id = "msg_2LJm7hd5VwT3V2Kq0Z1";
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Svix's scheme, computed independently of the code under test. */
function sign(key: string, msgId: string, timestamp: number, payload: string) {
  const raw = Buffer.from(key.slice("whsec_".length), "base64");
  return `v1,${createHmac("sha256", raw).update(`${msgId}.${timestamp}.${payload}`).digest("base64")}`;
}

function headersFor(options: { timestamp?: number; signature?: string; msgId?: string } = {}) {
  const timestamp = options.timestamp ?? nowSeconds();
  const msgId = options.msgId ?? id;
  return {
    "svix-id": msgId,
    "svix-timestamp": String(timestamp),
    "svix-signature": options.signature ?? sign(secret, msgId, timestamp, body),
  };
}

const verify = (
  headers: Record<string, string | undefined>,
  rawBody = body,
  key: string | undefined = secret,
) => verifySendosoWebhook({ secret: key, headers, rawBody });

describe("Sendoso webhook signatures", () => {
  it("accepts a correctly signed delivery, from a Headers object too", () => {
    expect(verify(headersFor())).toEqual({ ok: true, messageId: id });
    expect(verifySendosoWebhook({ secret, headers: new Headers(headersFor()), rawBody: body })).toEqual({
      ok: true,
      messageId: id,
    });
  });

  it("refuses a tampered body, a changed id and another secret", () => {
    expect(verify(headersFor(), body.replace("10:00:00", "10:00:01"))).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(verify({ ...headersFor(), "svix-id": "msg_other" })).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    const other = `whsec_${randomBytes(32).toString("base64")}`;
    expect(verify(headersFor(), body, other)).toEqual({ ok: false, reason: "bad_signature" });
    expect(verify(headersFor({ signature: "v1,not-base64!" }))).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses timestamps more than 5 minutes old or ahead, and accepts them just inside", () => {
    for (const [offset, reason] of [
      [-301, "stale"],
      [-3600, "stale"],
      [301, "future"],
    ] as const) {
      const timestamp = nowSeconds() + offset;
      expect(verify(headersFor({ timestamp }))).toEqual({ ok: false, reason });
    }
    expect(verify(headersFor({ timestamp: nowSeconds() - 290 })).ok).toBe(true);
    expect(verify(headersFor({ timestamp: nowSeconds() + 290 })).ok).toBe(true);
  });

  it("accepts any one matching signature among several, ignoring other versions", () => {
    const timestamp = nowSeconds();
    const good = sign(secret, id, timestamp, body);
    const stale = sign(`whsec_${randomBytes(32).toString("base64")}`, id, timestamp, body);
    expect(verify(headersFor({ timestamp, signature: `${stale} v2,abc ${good}` })).ok).toBe(true);
    expect(verify(headersFor({ timestamp, signature: `${stale} v2,${good.slice(3)}` }))).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses missing headers, a malformed timestamp and a missing secret", () => {
    for (const name of ["svix-id", "svix-timestamp", "svix-signature"] as const) {
      expect(verify({ ...headersFor(), [name]: undefined })).toEqual({
        ok: false,
        reason: "missing_headers",
      });
      expect(verify({ ...headersFor(), [name]: " " })).toEqual({ ok: false, reason: "missing_headers" });
    }
    expect(verify({ ...headersFor(), "svix-timestamp": "1700000000abc" })).toEqual({
      ok: false,
      reason: "invalid_timestamp",
    });
    expect(verifySendosoWebhook({ secret: undefined, headers: headersFor(), rawBody: body })).toEqual({
      ok: false,
      reason: "no_secret",
    });
  });
});
