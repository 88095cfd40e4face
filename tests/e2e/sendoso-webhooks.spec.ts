import { E2E } from "./support/ports";
import { uniqueEmail } from "./support/sandbox";
import { fillSendForm } from "./support/send-form";
import { REP_STATE } from "./support/sign-in";
import { expect, test } from "./support/test";
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

  test.describe("from a real send", () => {
    test.use({ storageState: REP_STATE });

    test("a gift's status changes reach the app signed, and the app takes them", async ({ page }) => {
      await fillSendForm(page, uniqueEmail("webhook"));
      await page.getByRole("button", { name: "Send gift" }).click();
      const trackingCode = (await page.getByTestId("tracking-code").textContent()) ?? "";
      expect(trackingCode).toMatch(/^[0-9a-f]{40}$/);

      const sends = (await (await fetch(`${E2E.sendosoUrl}/__sandbox/sends`)).json()) as {
        sends: { tracking_code: string; send_gid: string }[];
      };
      const sendGid = sends.sends.find((s) => s.tracking_code === trackingCode)?.send_gid;
      const flushed = (await (
        await fetch(`${E2E.sendosoUrl}/__sandbox/webhooks/flush`, { method: "POST" })
      ).json()) as {
        messages: {
          send_gid: string;
          status: string;
          deliveries: { state: string; attempts: { status: number }[] }[];
        }[];
      };
      const mine = flushed.messages.filter((m) => m.send_gid === sendGid);
      expect(mine.map((m) => m.status)).toEqual(["Initiated", "Confirming Address"]);
      for (const message of mine) {
        expect(message.deliveries.map((d) => [d.state, d.attempts.map((a) => a.status)])).toEqual([
          ["delivered", [200]],
        ]);
      }
    });
  });
});
