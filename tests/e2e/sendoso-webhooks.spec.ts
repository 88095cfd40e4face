import { expect, test } from "@playwright/test";
import { E2E } from "./support/ports";
import { svixHeaders, WEBHOOK_PATH } from "./support/webhooks";

const body = (gid = "Z2lkOi8vc2VuZG9zby9TZW5kLzEyMzQ1") =>
  JSON.stringify({ send_gid: gid, status_changed_at: new Date().toISOString() });
const otherSecret = "whsec_bm90LXRoZS1hcHAncy1zZWNyZXQtYXQtYWxs";

test.describe("Sendoso webhooks", () => {
  test("a bad signature, a tampered body, a stale timestamp or no signature is refused with 401", async ({
    request,
  }) => {
    const payload = body();
    const refused = [
      svixHeaders(payload, { secret: otherSecret }),
      svixHeaders(`${payload} `),
      svixHeaders(payload, { ageSeconds: 600 }),
      { "content-type": "application/json" },
    ];
    for (const headers of refused) {
      const response = await request.post(WEBHOOK_PATH, { headers, data: payload });
      expect(response.status()).toBe(401);
      expect(await response.json()).toEqual({ error: "invalid_signature" });
    }
  });

  test("a valid delivery is taken once: its replay answers 200 as a duplicate", async ({ request }) => {
    const payload = body();
    const headers = svixHeaders(payload);
    const first = await request.post(WEBHOOK_PATH, { headers, data: payload });
    expect(first.status()).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });

    const replay = await request.post(WEBHOOK_PATH, { headers, data: payload });
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
  });

  test("a signed body that is not a Sendoso payload is a 400", async ({ request }) => {
    const payload = JSON.stringify({ hello: "world" });
    const response = await request.post(WEBHOOK_PATH, { headers: svixHeaders(payload), data: payload });
    expect(response.status()).toBe(400);
  });

  test("the simulator delivers to the app with the shared secret, and the app refuses its broken ones", async () => {
    const deliver = async (signature: string) => {
      const response = await fetch(`${E2E.sendosoUrl}/__sandbox/webhooks/test`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ signature }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as {
        id: string;
        deliveries: { attempts: { status: number | null; response: string | null }[] }[];
      };
    };
    const statusOf = (message: Awaited<ReturnType<typeof deliver>>) =>
      message.deliveries.map((d) => d.attempts.at(-1)?.status);

    const valid = await deliver("valid");
    expect(statusOf(valid)).toEqual([200]);
    for (const broken of ["bad_signature", "stale", "future", "unsigned"]) {
      expect([broken, statusOf(await deliver(broken))]).toEqual([broken, [401]]);
    }
    const replay = await fetch(`${E2E.sendosoUrl}/__sandbox/webhooks/messages/${valid.id}/replay`, {
      method: "POST",
    });
    const replayed = await replay.json();
    expect(statusOf(replayed)).toEqual([200]);
    expect(JSON.parse(replayed.deliveries[0].attempts.at(-1).response)).toEqual({
      received: true,
      duplicate: true,
    });
  });
});
