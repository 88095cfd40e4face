import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { verifySendosoWebhook } from "@/lib/sendoso/webhook-signature";
import { COFFEE_TOUCH_ID } from "@/sandbox/sendoso/fixtures/touches";
import { createSendosoSimulator, type SendosoSimulator } from "@/sandbox/sendoso/simulator";
import { eventTypeFor } from "@/sandbox/sendoso/webhook-signing";
import { startWebhookReceiver } from "../support/webhook-receiver";

const START = "2026-11-26T09:00:00.000Z";
const secret = `whsec_${randomBytes(24).toString("base64")}`;

type Attempt = { trigger: string; status: number | null; error: string | null; svix_timestamp: number };
type Delivery = { url: string; state: string; next_attempt_at: string | null; attempts: Attempt[] };
type Message = { id: string; status: string; event_type: string; body: string; deliveries: Delivery[] };

let sim: SendosoSimulator;
let base: string;

async function call(method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = body === undefined ? {} : { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const flush = async () => (await call("POST", "/__sandbox/webhooks/flush")).body.messages as Message[];
const pointWebhooksAt = (url: string, extra: Record<string, unknown> = {}) =>
  call("POST", "/__sandbox/webhooks", { url, secret, ...extra });

async function createSend(): Promise<{ trackingCode: string; sendGid: string }> {
  const created = await call(
    "POST",
    "/api/v3/send",
    {
      send: {
        touch_id: COFFEE_TOUCH_ID,
        name: "Jamie Rivera",
        email: `jamie.${randomBytes(4).toString("hex")}@example.org`,
        address: "639 Front St",
        city: "San Francisco",
        state: "CA",
        zip: "94111",
        country: "USA",
        confirm_address: false,
        via: "single_person_or_company",
        via_from: "Gift Desk",
      },
    },
    "sandbox-token",
  );
  const trackingCode = created.body.tracking_code as string;
  const { sends } = (await call("GET", "/__sandbox/sends")).body as {
    sends: { tracking_code: string; send_gid: string }[];
  };
  const sendGid = sends.find((s) => s.tracking_code === trackingCode)?.send_gid as string;
  return { trackingCode, sendGid };
}

beforeAll(async () => {
  sim = createSendosoSimulator({
    rateLimit: false,
    clock: { start: START, frozen: true },
    webhooks: { retryScheduleSeconds: [0, 5, 300], timeoutMs: 300 },
  });
  base = await sim.listen(0);
});
afterAll(() => sim.close());
afterEach(async () => {
  await call("DELETE", "/__sandbox/webhooks");
  await call("POST", "/__sandbox/reset");
});

describe("Sendoso simulator webhooks", () => {
  it("announces each status change with a body of send_gid and status_changed_at, signed Svix-style", async () => {
    const receiver = await startWebhookReceiver();
    try {
      await pointWebhooksAt(receiver.url);
      const { sendGid } = await createSend();
      await flush();
      const now = Date.parse((await call("GET", "/__sandbox/clock")).body.now as string);
      await call("POST", "/__sandbox/clock", { advance_seconds: 86_400 });
      const messages = await flush();

      expect(messages.map((m) => [m.status, m.event_type])).toEqual([
        ["Initiated", "send.initiated"],
        ["Order Received", "send.order_received"],
        ["Processing", "send.fulfilling"],
      ]);
      expect(receiver.received).toHaveLength(3);
      const ids = receiver.received.map((r) => r.headers["svix-id"]);
      expect(new Set(ids).size).toBe(3);
      for (const delivery of receiver.received) {
        expect(delivery.headers["svix-id"]).toMatch(/^msg_/);
        const verified = verifySendosoWebhook({
          secret,
          headers: delivery.headers as Record<string, string>,
          rawBody: delivery.body,
        });
        expect(verified).toEqual({ ok: true, messageId: delivery.headers["svix-id"] });
        expect(Object.keys(JSON.parse(delivery.body))).toEqual(["send_gid", "status_changed_at"]);
      }
      expect(JSON.parse(receiver.received[2]?.body ?? "")).toEqual({
        send_gid: sendGid,
        status_changed_at: new Date(now + 86_400_000).toISOString(),
      });
      // Signed for the app's secret only.
      const other = `whsec_${randomBytes(24).toString("base64")}`;
      const first = receiver.received[0];
      expect(
        verifySendosoWebhook({
          secret: other,
          headers: first?.headers as Record<string, string>,
          rawBody: first?.body ?? "",
        }),
      ).toEqual({ ok: false, reason: "bad_signature" });
    } finally {
      await receiver.close();
    }
  });

  it("retries after a 500 on the simulator clock, with the same id and body, until a 2xx", async () => {
    const receiver = await startWebhookReceiver([500, 200]);
    try {
      const { trackingCode } = await createSend();
      await pointWebhooksAt(receiver.url); // the send's earlier statuses are not announced
      await call("POST", `/__sandbox/sends/${trackingCode}/status`, { status: "Delivered" });
      const now = Date.parse((await call("GET", "/__sandbox/clock")).body.now as string);
      let [message] = await flush();
      expect(message?.deliveries[0]).toMatchObject({
        state: "pending",
        next_attempt_at: new Date(now + 5_000).toISOString(),
      });
      expect(receiver.received.map((r) => r.answered)).toEqual([500]);

      await call("POST", "/__sandbox/clock", { advance_seconds: 5 });
      [message] = await flush();
      expect(message?.deliveries[0]?.state).toBe("delivered");
      expect(message?.deliveries[0]?.attempts.map((a) => a.status)).toEqual([500, 200]);
      expect(receiver.received.map((r) => r.headers["svix-id"])).toEqual([message?.id, message?.id]);
      expect(receiver.received[1]?.body).toBe(receiver.received[0]?.body);
    } finally {
      await receiver.close();
    }
  });

  it("gives up after the last scheduled attempt, and counts a timeout as a failure", async () => {
    const silent = http.createServer(() => {}); // never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { trackingCode } = await createSend();
      await pointWebhooksAt(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`);
      await call("POST", `/__sandbox/sends/${trackingCode}/status`, { status: "Failed" });
      await flush();
      await call("POST", "/__sandbox/clock", { advance_seconds: 5 });
      await flush();
      await call("POST", "/__sandbox/clock", { advance_seconds: 300 });
      const [message] = await flush();
      const delivery = message?.deliveries[0];
      expect(delivery?.state).toBe("failed");
      expect(delivery?.attempts.map((a) => a.error)).toEqual(Array(3).fill("timeout after 300 ms"));
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("replays a message with the same id and body, and delivers deliberately broken ones", async () => {
    const receiver = await startWebhookReceiver();
    try {
      await pointWebhooksAt(receiver.url, { include_event_type: true });
      const test = await call("POST", "/__sandbox/webhooks/test", { send_gid: "gid-1", status: "Delivered" });
      const message = test.body as unknown as Message;
      expect(JSON.parse(message.body)).toMatchObject({ send_gid: "gid-1", type: "send.delivered" });

      const replay = await call("POST", `/__sandbox/webhooks/messages/${message.id}/replay`, {
        same_timestamp: true,
      });
      const attempts = (replay.body as unknown as Message).deliveries[0]?.attempts ?? [];
      expect(attempts.map((a) => a.trigger)).toEqual(["test", "replay"]);
      expect(attempts[1]?.svix_timestamp).toBe(attempts[0]?.svix_timestamp);
      expect(receiver.received[1]?.headers["svix-id"]).toBe(message.id);
      expect(receiver.received[1]?.body).toBe(receiver.received[0]?.body);

      const reasons: Record<string, string> = {
        bad_signature: "bad_signature",
        wrong_secret: "bad_signature",
        stale: "stale",
        future: "future",
        unsigned: "missing_headers",
      };
      for (const [signature, reason] of Object.entries(reasons)) {
        await call("POST", "/__sandbox/webhooks/test", { signature });
        const delivery = receiver.received.at(-1);
        const result = verifySendosoWebhook({
          secret,
          headers: delivery?.headers as Record<string, string>,
          rawBody: delivery?.body ?? "",
        });
        expect([signature, result]).toEqual([signature, { ok: false, reason }]);
      }
      expect((await call("POST", "/__sandbox/webhooks/messages/msg_nope/replay")).status).toBe(404);
      expect((await call("POST", "/__sandbox/webhooks", { url: receiver.url, secret: "nope" })).status).toBe(
        400,
      );
    } finally {
      await receiver.close();
    }
  });

  it("names events after Sendoso's documented list", () => {
    expect(
      ["Confirming Address", "Address Confirmation - Cancelled", "Sent", "Redeemed", "Cancelled"].map(
        eventTypeFor,
      ),
    ).toEqual([
      "send.confirming_address",
      "send.confirmation_canceled",
      "send.sent",
      "send.redeemed",
      "send.canceled",
    ]);
  });
});
