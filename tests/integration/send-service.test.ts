import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { sendEvents, sends, type User } from "@/lib/db/schema";
import { type SendDeps, submitSend } from "@/lib/sends/send-service";
import { sendGiftSchema } from "@/lib/validation/send";
import {
  AMAZON_EGIFT_TOUCH_ID,
  INACTIVE_TOUCH_ID,
  INTERNATIONAL_TOUCH_ID,
} from "@/sandbox/sendoso/fixtures/touches";
import { backends } from "../support/databases";
import { closedPort } from "../support/free-port";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

let counter = 0;
/** A valid address-collection form for a recipient no other test uses. */
const form = (overrides: Record<string, unknown> = {}) =>
  sendGiftSchema.parse({
    sendType: "address_collection",
    idempotencyKey: crypto.randomUUID(),
    touchId: 1001,
    recipientName: "Jane Doe",
    recipientEmail: `jane.${Date.now()}.${counter++}@example.com`,
    customMessage: "Thanks for the call, {first_name}",
    ...overrides,
  });

describe.each(backends)("send path on $name against the simulator over HTTP", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  let deps: SendDeps;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    rep = await makeUser(database.db, "rep", "rep", "a", "Riley Rep");
    deps = sendDeps(database.db, sandboxClient(sim));
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    await sim.resetLog();
  });

  const rowFor = async (sendId: string) =>
    (await database.db.select().from(sends).where(eq(sends.id, sendId)))[0];
  const statesOf = async (sendId: string) =>
    (
      await database.db.select().from(sendEvents).where(eq(sendEvents.sendId, sendId)).orderBy(sendEvents.id)
    ).map((e) => e.toState);

  it("stores the tracking code of an accepted send, with every transition recorded", async () => {
    const result = await submitSend(deps, rep, form(), priced("Coffee for two"));
    expect(result.status).toBe("sent");
    if (result.status !== "sent") return;
    expect(result.trackingCode).toMatch(/^[0-9a-f]{40}$/);
    const row = await rowFor(result.sendId);
    expect(row).toMatchObject({
      state: "sent",
      trackingCode: result.trackingCode,
      team: "a",
      touchName: "Coffee for two",
    });
    expect(await statesOf(result.sendId)).toEqual(["in_flight", "sent"]);
    const posts = await sim.sendPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.json).toEqual(row?.requestBody);
    expect(
      (row?.requestBody as { send?: { custom_message?: string } } | undefined)?.send?.custom_message,
    ).toBe("Thanks for the call, Jane");
  });

  it("sends an eGift and a known-address gift with their documented bodies", async () => {
    const egift = await submitSend(
      deps,
      rep,
      form({ sendType: "egift", touchId: AMAZON_EGIFT_TOUCH_ID, recipientName: "" }),
      priced("$50 Amazon eGift"),
    );
    expect(egift).toMatchObject({
      status: "sent",
      trackingUrl: expect.stringMatching(/^https:\/\/app\.sendoso\.com\/track\/[0-9a-f]{40}$/),
    });
    const known = await submitSend(
      deps,
      rep,
      form({
        sendType: "known_address",
        touchId: INTERNATIONAL_TOUCH_ID,
        address: "10 Downing St",
        city: "London",
        state: "London",
        zip: "SW1A 2AA",
        country: "gb",
        mobileNo: "+44 20 7946 0958",
      }),
      priced("International"),
    );
    expect(known.status).toBe("sent");
    const bodies = (await sim.sendPosts()).map((p) => p.json?.send);
    expect(bodies[0]).toMatchObject({ via: "single_email_address" });
    expect(bodies[0]).not.toHaveProperty("name");
    expect(bodies[1]).toMatchObject({ country: "GB", mobile_no: 442079460958, confirm_address: false });
  });

  it("asks for confirmation before gifting a recipient someone gifted recently, then sends once confirmed", async () => {
    const first = form();
    await submitSend(deps, rep, first, priced("Coffee for two"));
    const again = form({ recipientEmail: first.recipientEmail });
    const held = await submitSend(deps, rep, again, priced("Coffee for two"));
    expect(held).toMatchObject({
      status: "needs_confirmation",
      priorSends: [{ senderName: "Riley Rep", state: "sent" }],
    });
    expect(await sim.sendPosts()).toHaveLength(1);
    const confirmed = await submitSend(
      deps,
      rep,
      { ...again, confirmRepeatRecipient: true },
      priced("Coffee for two"),
    );
    expect(confirmed.status).toBe("sent");
    expect(await sim.sendPosts()).toHaveLength(2);
  });

  it("blocks any new send to a recipient whose earlier send is unknown, even when confirmed", async () => {
    await sim.injectFault({ type: "error_after" });
    const first = form();
    expect((await submitSend(deps, rep, first, priced("Coffee for two"))).status).toBe("unknown");
    const next = form({ recipientEmail: first.recipientEmail, confirmRepeatRecipient: true });
    expect(await submitSend(deps, rep, next, priced("Coffee for two"))).toMatchObject({ status: "blocked" });
    expect(await sim.sendPosts()).toHaveLength(1);
  });

  it("lets only one of two tabs (two keys) through without confirmation", async () => {
    const email = form().recipientEmail;
    const results = await Promise.all([
      submitSend(deps, rep, form({ recipientEmail: email }), priced("Coffee for two")),
      submitSend(deps, rep, form({ recipientEmail: email }), priced("Coffee for two")),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["needs_confirmation", "sent"]);
    expect(await sim.sendPosts()).toHaveLength(1);
  });

  it("records a 404 as failed with a readable reason", async () => {
    const result = await submitSend(deps, rep, form({ touchId: INACTIVE_TOUCH_ID }), priced("Old touch"));
    expect(result).toMatchObject({
      status: "failed",
      message: "This touch is no longer active in Sendoso. Pick another touch.",
    });
    if (result.status !== "failed") return;
    expect((await rowFor(result.sendId))?.state).toBe("failed");
    expect(await statesOf(result.sendId)).toEqual(["in_flight", "failed"]);
  });

  it("sends once when the same form is submitted twice, and returns the first outcome", async () => {
    const values = form();
    const first = await submitSend(deps, rep, values, priced("Coffee for two"));
    const second = await submitSend(deps, rep, values, priced("Coffee for two"));
    expect(second).toEqual(first);
    expect(await sim.sendPosts()).toHaveLength(1);
  });

  it("sends once when the same form arrives ten times at once", async () => {
    const values = form();
    // The deadline covers the wait for the record transaction too; on PGlite the ten run one by one.
    const patient = sendDeps(database.db, sandboxClient(sim, { timeoutMs: 5_000 }));
    const results = await Promise.all(
      Array.from({ length: 10 }, () => submitSend(patient, rep, values, priced("Coffee for two"))),
    );
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]?.status).toBe("sent");
    expect(await sim.sendPosts()).toHaveLength(1);
  });

  it("refuses the same key with a different payload and sends nothing more", async () => {
    const values = form();
    await submitSend(deps, rep, values, priced("Coffee for two"));
    const reused = await submitSend(
      deps,
      rep,
      { ...values, recipientEmail: "someone.else@example.com" },
      priced("Coffee for two"),
    );
    expect(reused.status).toBe("key_reused");
    expect(await sim.sendPosts()).toHaveLength(1);
  });

  it.each([
    ["a 5xx after Sendoso recorded the send", { type: "error_after" }],
    ["a dropped connection after Sendoso recorded the send", { type: "close_after" }],
    ["a malformed 2xx", { type: "malformed" }],
    ["a request that never gets an answer", { type: "hang" }],
  ])("marks %s as unknown and never retries it", async (_name, fault) => {
    await sim.injectFault(fault);
    const result = await submitSend(deps, rep, form(), priced("Coffee for two"));
    expect(result.status).toBe("unknown");
    if (result.status !== "unknown") return;
    expect((await rowFor(result.sendId))?.state).toBe("unknown");
    expect(await sim.sendPosts()).toHaveLength(1);
  });

  it("retries a 429 (throttled before processing) and sends once", async () => {
    await sim.injectFault({ type: "rate_limit" });
    const result = await submitSend(deps, rep, form(), priced("Coffee for two"));
    expect(result.status).toBe("sent");
    expect(await sim.sendPosts()).toHaveLength(2);
  });

  it("records an unreachable Sendoso as failed with nothing sent", async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    const offline = {
      ...deps,
      sendoso: sandboxClient({ baseUrl }, { token: "t", timeoutMs: 500 }),
    };
    const result = await submitSend(offline, rep, form(), priced("Coffee for two"));
    expect(result).toMatchObject({
      status: "failed",
      message: "Sendoso could not be reached. Nothing was sent.",
    });
  });
});
