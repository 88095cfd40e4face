import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSendosoClient, type SendBody } from "@/lib/sendoso/client";
import { SendosoError } from "@/lib/sendoso/errors";
import { buildAddressCollectionBody } from "@/lib/sendoso/request-body";
import { buildEgiftBody } from "@/lib/sendoso/request-body-egift";
import { buildKnownAddressBody } from "@/lib/sendoso/request-body-known-address";
import { isTouchAvailable, TOUCH_FIXTURES } from "@/sandbox/sendoso/fixtures/touches";
import { closedPort } from "../support/free-port";
import { startSimulator, type TestSimulator } from "../support/simulator";

/** Every client function against the simulator over HTTP: success and each documented error. */

const TRACKING = /^[0-9a-f]{40}$/;
const available = TOUCH_FIXTURES.filter((t) => isTouchAvailable(t, Date.now())).map((t) => t.touch);

const addressCollection = buildAddressCollectionBody(
  {
    touchId: 1001,
    recipientName: "Jane Doe",
    recipientEmail: "jane@example.com",
    customMessage: "Thanks for the call",
    addressConfirmationVia: "email",
    resumeWithUnconfirmedAddress: false,
    expireAfterDays: 5,
    hideProductInfo: true,
    addressConfirmationMessage: "Where should we ship it?",
  },
  "Gift Desk",
);
const knownAddress = (overrides: Record<string, unknown> = {}) =>
  buildKnownAddressBody(
    {
      touchId: 1004,
      recipientName: "Jamie Rivera",
      recipientEmail: "jamie@example.org",
      address: "639 Front St, Floor 3",
      city: "San Francisco",
      state: "CA",
      zip: "94111",
      country: "US",
      ...overrides,
    },
    "Gift Desk",
  );
const egift = buildEgiftBody(
  { touchId: 1021, recipientName: "Sam", recipientEmail: "sam@example.org" },
  "Gift Desk",
);
/** A body with one field changed, as a buggy caller (or a future form) might send it. */
const withSend = (body: SendBody, patch: Record<string, unknown>) =>
  ({ send: { ...body.send, ...patch } }) as unknown as SendBody;

async function caught(work: Promise<unknown>): Promise<SendosoError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof SendosoError)) throw new Error(`expected a SendosoError, got ${String(error)}`);
  return error;
}

describe("Sendoso client contract", () => {
  let sim: TestSimulator;
  let client: ReturnType<typeof createSendosoClient>;
  const clientWith = (getAccessToken: () => Promise<string>, baseUrl = sim.baseUrl, timeoutMs = 1_000) =>
    createSendosoClient({ baseUrl, getAccessToken, timeoutMs });

  beforeAll(async () => {
    sim = await startSimulator();
    client = clientWith(async () => "sandbox-token");
  });
  afterAll(() => sim?.close());
  beforeEach(async () => {
    await Promise.all([sim.resetLog(), sim.clearFaults()]);
  });

  describe("createSend", () => {
    it("sends the address-collection body and returns the tracking code", async () => {
      const outcome = await client.createSend(addressCollection);
      expect(outcome).toMatchObject({ kind: "accepted", trackingUrl: null });
      if (outcome.kind === "accepted") expect(outcome.trackingCode).toMatch(TRACKING);
      const [post] = await sim.sendPosts();
      expect(post?.json).toEqual(addressCollection);
    });

    it("sends to a known address, in the US and (with mobile_no) abroad", async () => {
      expect((await client.createSend(knownAddress())).kind).toBe("accepted");
      const abroad = knownAddress({
        country: "GB",
        city: "London",
        state: "LDN",
        mobileNo: "+44 20 7946 0958",
      });
      expect((await client.createSend(abroad)).kind).toBe("accepted");
      expect((await sim.sendPosts())[1]?.json).toEqual(abroad);
    });

    it("sends an eGift and returns its tracking URL", async () => {
      const outcome = await client.createSend(egift);
      expect(outcome.kind).toBe("accepted");
      if (outcome.kind !== "accepted") return;
      expect(outcome.trackingUrl).toBe(`https://app.sendoso.com/track/${outcome.trackingCode}`);
    });

    it.each([
      ["a blank field", withSend(addressCollection, { email: "" }), 400, "email can't be blank", "email"],
      [
        "expire_after_days out of range",
        withSend(addressCollection, { expire_after_days: 9 }),
        400,
        "expire_after_days must be between 2 and 7",
        "expire_after_days",
      ],
      [
        "a non-US address without mobile_no",
        withSend(knownAddress(), { country: "GB" }),
        400,
        "mobile_no can't be blank",
        "mobile_no",
      ],
      ["an unknown touch", withSend(addressCollection, { touch_id: 999_999 }), 404, "Touch not found", null],
      ["an inactive touch", withSend(addressCollection, { touch_id: 1098 }), 404, "Touch not found", null],
      ["an eGift on a physical touch", withSend(egift, { touch_id: 1001 }), 404, "Touch not found", null],
    ])("rejects %s with Sendoso's message and field", async (_name, body, status, message, field) => {
      expect(await client.createSend(body)).toEqual({ kind: "rejected", status, message, field });
      expect(await sim.sendPosts()).toHaveLength(1);
    });

    it("reports an invalid token as not sent, without a retry", async () => {
      const outcome = await clientWith(async () => "no-such-token").createSend(addressCollection);
      expect(outcome).toMatchObject({ kind: "not_sent", reason: "unauthorized" });
      expect(await sim.sendPosts()).toHaveLength(1);
    });

    it("reports an unreachable Sendoso as not sent", async () => {
      const offline = clientWith(async () => "sandbox-token", `http://127.0.0.1:${await closedPort()}`);
      expect(await offline.createSend(addressCollection)).toMatchObject({
        kind: "not_sent",
        reason: "unreachable",
      });
    });
  });

  describe("reads", () => {
    it("lists every active touch across pages, and filters by delivery type", async () => {
      const all = await client.listTouches({ perPage: 7 });
      expect(all.map((t) => t.id)).toEqual(available.map((t) => t.id).sort((a, b) => a - b));
      expect((await sim.requests({ path: "/api/v3/touches" })).length).toBe(Math.ceil(available.length / 7));
      const egifts = await client.listTouches({ deliveryType: "email" });
      expect(egifts.length).toBe(available.filter((t) => t.delivery_type === "email").length);
      expect(egifts.every((t) => t.delivery_type === "email")).toBe(true);
      expect(await client.listTouches()).toHaveLength(available.length);
    });

    it("gets one touch, and reports an unknown or inactive one as not found", async () => {
      expect(await client.getTouch(1023)).toMatchObject({
        id: 1023,
        delivery_type: "email",
        is_default_price: false,
      });
      for (const id of [424_242, 1098]) {
        expect(await caught(client.getTouch(id))).toMatchObject({
          kind: "not_found",
          status: 404,
          message: "Touch not found",
        });
      }
    });

    it("lists sends in Sendoso's item shape, page by page", async () => {
      await client.createSend(addressCollection);
      await client.createSend(egift);
      const first = await client.listSends({ perPage: 1 });
      expect(first).toMatchObject({ current_page: 1, per_page: 1 });
      expect(first.total_count).toBeGreaterThanOrEqual(2);
      const [item] = first.sends;
      expect(item).toMatchObject({ status: expect.any(String), current_total_cost: expect.any(String) });
      expect(Buffer.from(item?.send_gid ?? "", "base64url").toString()).toMatch(
        /^gid:\/\/sendoso\/Send\/\d+$/,
      );
      expect(item).not.toHaveProperty("tracking_code");
      expect(item?.status_updates?.length).toBeGreaterThan(0);
      const second = await client.listSends({ page: 2, perPage: 1 });
      expect(second.sends[0]?.id).not.toBe(item?.id);
    });

    it("reads /me, users, groups and group members with their documented quirks", async () => {
      const me = await client.me();
      expect(me).toMatchObject({ id: 1, email: "avery.chen@example.com", balance: "1250.0" });
      const users = await client.listUsers({ perPage: 2 });
      expect(users).toMatchObject({ current_page: 1, per_page: 2, total_users: 4 });
      expect(typeof users.users[0]?.id).toBe("string");
      const groups = await client.listGroups();
      expect(groups.total_groups).toBe(3);
      expect(groups.groups[0]).toMatchObject({ id: "11", monthly_budget: "50000", budget: 50 });
      const members = await client.listGroupMembers(11);
      expect(members.map((m) => m.email)).toContain("jordan.patel@example.com");
      expect(members[0]).toMatchObject({ balance: expect.any(String), key: expect.any(String) });
    });

    it("reports an unknown group as not found (bare message body)", async () => {
      expect(await caught(client.listGroupMembers(999))).toMatchObject({
        kind: "not_found",
        message: "Group not found!",
      });
    });
  });

  describe("read failures", () => {
    const mePath = { method: "GET", path: "/api/v3/me" };

    it("retries a 429 after waiting, then gives up with rate_limited", async () => {
      await sim.injectFaultOn(mePath, { type: "rate_limit" });
      expect((await client.me()).id).toBe(1);
      await sim.injectFaultOn(mePath, { type: "rate_limit" }, 3);
      expect(await caught(client.me())).toMatchObject({ kind: "rate_limited", status: 429 });
      expect(await sim.requests({ path: "/api/v3/me" })).toHaveLength(5);
    });

    it("retries a 5xx with backoff, then gives up with server", async () => {
      await sim.injectFaultOn(mePath, { type: "error_before", status: 503 });
      expect((await client.me()).id).toBe(1);
      await sim.injectFaultOn(mePath, { type: "error_after" }, 3);
      expect(await caught(client.me())).toMatchObject({ kind: "server", status: 502 });
    });

    it("reports a connection lost or timed out after the request as lost", async () => {
      await sim.injectFaultOn(mePath, { type: "close_after" }, 3);
      expect(await caught(client.me())).toMatchObject({ kind: "lost" });
      await sim.resetLog();
      await sim.injectFaultOn(mePath, { type: "hang" });
      const quick = clientWith(async () => "sandbox-token", sim.baseUrl, 200);
      expect(await caught(quick.me())).toMatchObject({
        kind: "lost",
        message: expect.stringContaining("timeout"),
      });
      // A timeout is not tried again: it already cost a whole timeout.
      expect(await sim.requests({ path: "/api/v3/me" })).toHaveLength(1);
    });

    it("reports a request that never left as network", async () => {
      const offline = clientWith(async () => "sandbox-token", `http://127.0.0.1:${await closedPort()}`);
      expect(await caught(offline.me())).toMatchObject({ kind: "network" });
    });

    it("reports an unreadable 2xx as malformed, and an invalid token as unauthorized", async () => {
      await sim.injectFaultOn(mePath, { type: "malformed" });
      expect(await caught(client.me())).toMatchObject({ kind: "malformed" });
      expect(await caught(clientWith(async () => "bogus").me())).toMatchObject({
        kind: "unauthorized",
        status: 401,
        message: "The access token is invalid",
        expired: false,
      });
    });
  });
});

describe("Sendoso client contract: token lifetime and scopes", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ requireWriteScope: true, expiredBody: "description" });
  });
  afterAll(() => sim?.close());

  it("reports an expired token as unauthorized + expired when nothing can refresh it", async () => {
    const { access_token } = await sim.issueTokens({ user_id: 2 });
    const client = createSendosoClient({
      baseUrl: sim.baseUrl,
      timeoutMs: 1_000,
      getAccessToken: async () => access_token,
    });
    expect((await client.me()).id).toBe(2);
    await sim.advanceClock(7_201);
    expect(await caught(client.me())).toMatchObject({ kind: "unauthorized", expired: true });
    expect(await client.createSend(addressCollection)).toMatchObject({
      kind: "not_sent",
      reason: "unauthorized",
    });
  });

  it("reports a grant without the write scope as a 403 rejection of the send", async () => {
    const { access_token } = await sim.issueTokens({ user_id: 2, scope: "public" });
    const client = createSendosoClient({
      baseUrl: sim.baseUrl,
      timeoutMs: 1_000,
      getAccessToken: async () => access_token,
    });
    expect(await client.createSend(addressCollection)).toMatchObject({ kind: "rejected", status: 403 });
  });
});
