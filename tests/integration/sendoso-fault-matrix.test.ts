import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit";
import { createSendosoClient, type SendOutcome } from "@/lib/sendoso/client";
import { type ConnectDeps, openConnectionFor } from "@/lib/sendoso/connect";
import { buildAddressCollectionBody } from "@/lib/sendoso/request-body";
import { backends } from "../support/databases";
import { closedPort } from "../support/free-port";
import { connectThroughOAuth, createTestUser, testConnectDeps } from "../support/sendoso-connection";
import { startSimulator, type TestSimulator } from "../support/simulator";

/**
 * The retry table of reliability-security.md §1.4, end to end: for each fault the simulator injects on
 * POST /api/v3/send, how many POSTs reached it and what the client concluded. A real connection (OAuth,
 * encrypted tokens, refresh) and the database-backed limiter sit on the path, as in the app.
 */
const body = buildAddressCollectionBody(
  {
    touchId: 1001,
    recipientName: "Jane Doe",
    recipientEmail: "jane@example.com",
    customMessage: "Thanks",
    addressConfirmationVia: "email",
    resumeWithUnconfirmedAddress: false,
    expireAfterDays: 5,
    hideProductInfo: true,
    addressConfirmationMessage: "",
  },
  "Gift Desk",
);

type Row = [
  name: string,
  fault: Record<string, unknown> | null,
  times: number,
  posts: number,
  outcome: Partial<SendOutcome>,
  recorded: number,
];

const MATRIX: Row[] = [
  ["no fault", null, 1, 1, { kind: "accepted" }, 1],
  ["a short delay", { type: "delay", ms: 100 }, 1, 1, { kind: "accepted" }, 1],
  ["a delay past our timeout", { type: "delay", ms: 1_500 }, 1, 1, { kind: "unknown", detail: "timeout" }, 1],
  ["a hang", { type: "hang" }, 1, 1, { kind: "unknown", detail: "timeout" }, 0],
  ["a 500 before recording", { type: "error_before" }, 1, 1, { kind: "unknown", detail: "HTTP 500" }, 0],
  [
    "a 503 before recording",
    { type: "error_before", status: 503 },
    1,
    1,
    { kind: "unknown", detail: "HTTP 503" },
    0,
  ],
  ["a 502 after recording", { type: "error_after" }, 1, 1, { kind: "unknown", detail: "HTTP 502" }, 1],
  ["a connection closed after recording", { type: "close_after" }, 1, 1, { kind: "unknown" }, 1],
  ["a malformed 200", { type: "malformed" }, 1, 1, { kind: "unknown", detail: "malformed 200 response" }, 1],
  ["one 429", { type: "rate_limit" }, 1, 2, { kind: "accepted" }, 1],
  // The second 1 s wait would outlast the send's 2 s deadline, so it gives up after two POSTs.
  ["429 on every try", { type: "rate_limit" }, 3, 2, { kind: "not_sent", reason: "rate_limited" }, 0],
  ["one 401 expired", { type: "expired_token" }, 1, 2, { kind: "accepted" }, 1],
  [
    "401 expired again after the refresh",
    { type: "expired_token" },
    2,
    2,
    { kind: "not_sent", reason: "unauthorized" },
    0,
  ],
];

describe.each(backends)("POST /send fault matrix on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let limiter: RateLimiter;
  let deps: ConnectDeps;
  let repId: string;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    limiter = createRateLimiter({ db: database.db, key: "sendoso:fault-matrix", limit: 10, windowMs: 1_000 });
    deps = testConnectDeps(database.db, sim, { limiter, timeoutMs: 600 });
    const rep = await createTestUser(database.db);
    repId = rep.id;
    await connectThroughOAuth(deps, sim, rep);
  });
  afterAll(async () => {
    await limiter?.dispose();
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    await Promise.all([sim.resetLog(), sim.clearFaults()]);
  });

  const clientFor = async (userId: string, options: { baseUrl?: string; limiter?: RateLimiter } = {}) => {
    const { tokens } = await openConnectionFor(deps, userId);
    return createSendosoClient({
      baseUrl: options.baseUrl ?? sim.baseUrl,
      // The send's deadline is twice this: room for one 429 wait (1 s without Retry-After) and a re-POST.
      timeoutMs: 1_000,
      limiter: options.limiter ?? limiter,
      tokens,
    });
  };
  const stats = () => sim.stats();

  it.each(
    MATRIX.map(([name, fault, times, posts, outcome, recorded]) => ({
      name,
      fault,
      times,
      posts,
      outcome,
      recorded,
    })),
  )("$name: $posts POST(s), $outcome.kind", async ({ fault, times, posts, outcome, recorded }) => {
    if (fault) await sim.injectFault(fault, times);
    const before = await stats();
    const result = await (await clientFor(repId)).createSend(body);
    expect(result).toMatchObject(outcome);
    expect(await sim.sendPosts()).toHaveLength(posts);
    // A delayed request is recorded upstream after we gave up on it: wait for it, so it is counted here.
    await expect
      .poll(async () => (await stats()).sends_created - before.sends_created, { timeout: 3_000 })
      .toBe(recorded);
    const after = await stats();
    const refreshed = (after.tokens_issued.refresh_token ?? 0) - (before.tokens_issued.refresh_token ?? 0);
    expect(refreshed).toBe(fault?.type === "expired_token" ? 1 : 0);
  });

  it("sends nothing when Sendoso cannot be reached", async () => {
    const client = await clientFor(repId, { baseUrl: `http://127.0.0.1:${await closedPort()}` });
    expect(await client.createSend(body)).toMatchObject({ kind: "not_sent", reason: "unreachable" });
    expect(await sim.sendPosts()).toHaveLength(0);
  });

  it("sends nothing when the limiter has no slot within its bound", async () => {
    const full = createRateLimiter({
      db: database.db,
      key: "sendoso:full",
      limit: 1,
      windowMs: 10_000,
      maxWaitMs: 200,
    });
    const held = await full.acquire();
    held.begin();
    const client = await clientFor(repId, { limiter: full });
    expect(await client.createSend(body)).toEqual({
      kind: "not_sent",
      reason: "busy",
      message: "Sendoso is busy, try again in a minute. Nothing was sent.",
    });
    await expect(client.me()).rejects.toMatchObject({ name: "SendosoBusyError", kind: "busy" });
    expect(await sim.requests()).toHaveLength(0);
    held.end("answered");
    await full.dispose();
  });

  it("sends nothing more when a 401 expired meets a dead grant", async () => {
    const rep = await createTestUser(database.db);
    await connectThroughOAuth(deps, sim, rep);
    const client = await clientFor(rep.id);
    const { tokens } = await openConnectionFor(deps, rep.id);
    // The refresh token is revoked at Sendoso: the next refresh is refused.
    await fetch(`${sim.baseUrl}/oauth/revoke`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("gift-desk-sandbox:gift-desk-sandbox-secret").toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ token: await tokens.getAccessToken() }).toString(),
    });
    expect(await client.createSend(body)).toMatchObject({ kind: "not_sent", reason: "needs_reconnect" });
    expect(await sim.sendPosts()).toHaveLength(1);
  });

  it("never retries a rejection", async () => {
    const result = await (await clientFor(repId)).createSend({ send: { ...body.send, touch_id: 424_242 } });
    expect(result).toEqual({ kind: "rejected", status: 404, message: "Touch not found", field: null });
    expect(await sim.sendPosts()).toHaveLength(1);
  });
});
