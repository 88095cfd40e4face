import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TokenCipherError } from "@/lib/crypto/token-cipher";
import type { DatabaseHandle } from "@/lib/db/client";
import { sendosoConnections } from "@/lib/db/schema";
import { createSendosoClient } from "@/lib/sendoso/client";
import { type ConnectDeps, completeConnect, openConnectionFor } from "@/lib/sendoso/connect";
import { disconnectConnection, tokenAad } from "@/lib/sendoso/connections";
import { SendosoNeedsReconnectError, SendosoNotConnectedError } from "@/lib/sendoso/errors";
import { refreshAccessToken, SendosoOAuthError } from "@/lib/sendoso/oauth";
import { OAuthStateError, signOAuthState } from "@/lib/sendoso/oauth-state";
import { backends, openFreshPostgres, postgresServers } from "../support/databases";
import { startWorker } from "../support/postgres-database";
import {
  connectThroughOAuth,
  createTestUser,
  startedConnect,
  testConnectDeps,
} from "../support/sendoso-connection";
import { startSimulator, type TestSimulator } from "../support/simulator";

describe.each(backends)("Sendoso connections on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let deps: ConnectDeps;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    deps = testConnectDeps(database.db, sim);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    await sim.resetLog();
    await database.db.delete(sendosoConnections);
  });

  const rowOf = async (id: string) =>
    (await database.db.select().from(sendosoConnections).where(eq(sendosoConnections.id, id)))[0];
  const clientFor = async (userId: string) => {
    const { tokens, connection } = await openConnectionFor(deps, userId);
    return { connection, client: createSendosoClient({ baseUrl: sim.baseUrl, timeoutMs: 2_000, tokens }) };
  };
  const meWith = async (token: string) => {
    const response = await fetch(`${sim.baseUrl}/api/v3/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, message: ((await response.json()) as { message?: string }).message };
  };
  const refreshes = async () => (await sim.stats()).tokens_issued.refresh_token ?? 0;
  const decryptAccess = (row: { id: string; accessTokenCiphertext: string }) =>
    deps.cipher.decrypt(row.accessTokenCiphertext, tokenAad(row.id, "access_token"));

  it("connects through the OAuth callback and stores only ciphertext", async () => {
    const rep = await createTestUser(database.db);
    const info = await connectThroughOAuth(deps, sim, rep, { sendosoUserId: 2 });
    expect(info).toMatchObject({
      userId: rep.id,
      shared: false,
      sendosoUserId: 2,
      sendosoEmail: "jordan.patel@example.com",
      sendosoName: "Jordan Patel",
      scope: "public write update",
      status: "active",
    });
    const row = await rowOf(info.id);
    const token = decryptAccess(row as NonNullable<typeof row>);
    expect(row?.accessTokenCiphertext).toMatch(/^v2\./);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row?.accessExpiresAt.getTime()).toBeGreaterThan(Date.now() + 7_000_000);
    const [tokenPost] = await sim.requests({ path: "/oauth/token" });
    expect(tokenPost?.headers.authorization).toMatch(/^Basic /);
    expect((await (await clientFor(rep.id)).client.me()).id).toBe(2);
  });

  it("refuses a callback whose state belongs to someone else, or a shared connection by a non-admin", async () => {
    const [rep, attacker] = [await createTestUser(database.db), await createTestUser(database.db)];
    const { code } = await sim.issueCode({ user_id: 2 });
    const foreign = signOAuthState(deps.stateSecret, { userId: attacker.id, purpose: "own" });
    await expect(
      completeConnect(deps, { userId: rep.id, isAdmin: false, code, state: foreign }),
    ).rejects.toThrow(OAuthStateError);
    await expect(connectThroughOAuth(deps, sim, rep, { shared: true })).rejects.toThrow(OAuthStateError);
    expect(await database.db.select().from(sendosoConnections)).toHaveLength(0);
  });

  it("uses the rep's own connection, else the shared one, and says which", async () => {
    const [admin, withOwn, without] = [
      await createTestUser(database.db, "admin"),
      await createTestUser(database.db),
      await createTestUser(database.db),
    ];
    await expect(openConnectionFor(deps, without.id)).rejects.toThrow(SendosoNotConnectedError);
    await connectThroughOAuth(deps, sim, admin, { shared: true, sendosoUserId: 4 });
    await connectThroughOAuth(deps, sim, withOwn, { sendosoUserId: 3 });
    const own = await clientFor(withOwn.id);
    expect(own.connection.shared).toBe(false);
    expect((await own.client.me()).id).toBe(3);
    const shared = await clientFor(without.id);
    expect(shared.connection).toMatchObject({ shared: true, userId: null, connectedBy: admin.id });
    expect((await shared.client.me()).id).toBe(4);
    // A broken own connection blocks sending rather than silently using another Sendoso user.
    await database.db
      .update(sendosoConnections)
      .set({ status: "needs_reconnect" })
      .where(eq(sendosoConnections.id, own.connection.id));
    await expect(openConnectionFor(deps, withOwn.id)).rejects.toThrow(SendosoNeedsReconnectError);
  });

  it("allows one shared connection only", async () => {
    const admin = await createTestUser(database.db, "admin");
    const first = await connectThroughOAuth(deps, sim, admin, { shared: true });
    const again = await connectThroughOAuth(deps, sim, admin, { shared: true, sendosoUserId: 4 });
    expect(again.id).toBe(first.id);
    const row = await rowOf(first.id);
    await expect(
      database.db
        .insert(sendosoConnections)
        .values({ ...(row as NonNullable<typeof row>), id: crypto.randomUUID() }),
    ).rejects.toThrow();
  });

  it("refuses a ciphertext moved to another row", async () => {
    const [a, b] = [await createTestUser(database.db), await createTestUser(database.db)];
    const ca = await connectThroughOAuth(deps, sim, a);
    const cb = await connectThroughOAuth(deps, sim, b);
    const rowA = await rowOf(ca.id);
    await database.db
      .update(sendosoConnections)
      .set({ accessTokenCiphertext: rowA?.accessTokenCiphertext })
      .where(eq(sendosoConnections.id, cb.id));
    const { client } = await clientFor(b.id);
    await expect(client.me()).rejects.toThrow(TokenCipherError);
  });

  it("refreshes once for 20 concurrent calls when the token is near its end, and rotates it", async () => {
    const rep = await createTestUser(database.db);
    const info = await connectThroughOAuth(deps, sim, rep);
    const before = await rowOf(info.id);
    const oldRefresh = deps.cipher.decrypt(
      before?.refreshTokenCiphertext as string,
      tokenAad(info.id, "refresh_token"),
    );
    await database.db
      .update(sendosoConnections)
      .set({ accessExpiresAt: new Date(Date.now() - 1_000) })
      .where(eq(sendosoConnections.id, info.id));
    const start = await refreshes();
    const results = await Promise.all(
      Array.from({ length: 20 }, async () => (await clientFor(rep.id)).client.me()),
    );
    expect(results.every((me) => me.id === 2)).toBe(true);
    expect((await refreshes()) - start).toBe(1);
    const after = await rowOf(info.id);
    expect(after?.refreshTokenCiphertext).not.toBe(before?.refreshTokenCiphertext);
    expect(after?.accessExpiresAt.getTime()).toBeGreaterThan(Date.now() + 7_000_000);
    // Rotation: the old refresh token is dead at Sendoso.
    await expect(refreshAccessToken(deps.oauth, oldRefresh)).rejects.toMatchObject({ kind: "invalid_grant" });
  });

  it("refreshes once for 20 concurrent calls that get 401 expired, then all succeed", async () => {
    const rep = await createTestUser(database.db);
    await connectThroughOAuth(deps, sim, rep);
    const clients = await Promise.all(Array.from({ length: 20 }, () => clientFor(rep.id)));
    await sim.advanceClock(7_300);
    const start = await refreshes();
    const results = await Promise.all(clients.map(({ client }) => client.me()));
    expect(results.every((me) => me.id === 2)).toBe(true);
    expect((await refreshes()) - start).toBe(1);
  });

  it("marks the connection needs_reconnect when the refresh is refused, and sends nothing", async () => {
    const rep = await createTestUser(database.db);
    const info = await connectThroughOAuth(deps, sim, rep);
    const row = await rowOf(info.id);
    // The user revoked Gift Desk in Sendoso: both tokens are dead.
    await fetch(`${sim.baseUrl}/oauth/revoke`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("gift-desk-sandbox:gift-desk-sandbox-secret").toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ token: decryptAccess(row as NonNullable<typeof row>) }).toString(),
    });
    await database.db
      .update(sendosoConnections)
      .set({ accessExpiresAt: new Date(0) })
      .where(eq(sendosoConnections.id, info.id));
    const { client } = await clientFor(rep.id);
    const outcome = await client.createSend({
      send: {
        touch_id: 1021,
        email: "x@example.org",
        custom_message: "",
        via: "single_email_address",
        via_from: "GD",
      },
    });
    expect(outcome).toMatchObject({ kind: "not_sent", reason: "needs_reconnect" });
    expect(await sim.sendPosts()).toHaveLength(0);
    expect((await rowOf(info.id))?.status).toBe("needs_reconnect");
    await expect(openConnectionFor(deps, rep.id)).rejects.toThrow(SendosoNeedsReconnectError);
  });

  it("disconnects: revokes at Sendoso, then deletes the tokens", async () => {
    const rep = await createTestUser(database.db);
    const info = await connectThroughOAuth(deps, sim, rep);
    const { client } = await clientFor(rep.id);
    const token = decryptAccess((await rowOf(info.id)) as NonNullable<Awaited<ReturnType<typeof rowOf>>>);
    const revocations = (await sim.stats()).revocations;
    expect(await disconnectConnection(deps, info.id, { userId: rep.id })).toEqual({
      removed: true,
      revoked: true,
    });
    expect((await sim.stats()).revocations).toBe(revocations + 1);
    expect(await rowOf(info.id)).toBeUndefined();
    expect(await meWith(token)).toEqual({ status: 401, message: "The access token was revoked" });
    // A client opened before the disconnect finds the connection gone once Sendoso refuses its token.
    await expect(client.me()).rejects.toThrow(SendosoNotConnectedError);
    const [revoke] = await sim.requests({ path: "/oauth/revoke" });
    expect(revoke?.query).toEqual({});
    expect(await disconnectConnection(deps, info.id, { userId: rep.id })).toEqual({
      removed: false,
      revoked: false,
    });
  });

  it("revokes the replaced grant when a rep connects again", async () => {
    const rep = await createTestUser(database.db);
    const first = await connectThroughOAuth(deps, sim, rep, { sendosoUserId: 2 });
    const oldToken = decryptAccess((await rowOf(first.id)) as NonNullable<Awaited<ReturnType<typeof rowOf>>>);
    await connectThroughOAuth(deps, sim, rep, { sendosoUserId: 3 });
    expect(await meWith(oldToken)).toEqual({ status: 401, message: "The access token was revoked" });
    expect((await (await clientFor(rep.id)).client.me()).id).toBe(3);
    expect(
      (await database.db.execute(sql`select count(*)::int as n from sendoso_connections`)) as unknown,
    ).toMatchObject({
      rows: [{ n: 1 }],
    });
  });

  it("reports a refused code exchange as invalid_grant", async () => {
    const rep = await createTestUser(database.db);
    const { state } = await startedConnect(deps, sim, rep);
    const error = await completeConnect(deps, {
      userId: rep.id,
      isAdmin: false,
      code: "used-or-bogus",
      state,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendosoOAuthError);
    expect(error).toMatchObject({ kind: "invalid_grant" });
  });
});

/** Two app instances on one PostgreSQL database: the row lock must serialise their refreshes. (PGlite cannot be shared between processes.) */
describe.each(postgresServers)("Sendoso token refresh across two processes on $name", ({ adminUrl }) => {
  let database: Awaited<ReturnType<typeof openFreshPostgres>>;
  let sim: TestSimulator;

  beforeAll(async () => {
    [database, sim] = await Promise.all([openFreshPostgres(adminUrl), startSimulator()]);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });

  it("refreshes exactly once for 20 concurrent calls, 10 in each process", async () => {
    const tokenKey = randomBytes(32).toString("base64");
    const deps = testConnectDeps(database.db, sim, { key: tokenKey });
    const rep = await createTestUser(database.db);
    const info = await connectThroughOAuth(deps, sim, rep);
    await database.db
      .update(sendosoConnections)
      .set({ accessExpiresAt: new Date(Date.now() - 1_000) })
      .where(eq(sendosoConnections.id, info.id));
    const before = (await sim.stats()).tokens_issued.refresh_token ?? 0;
    const worker = startWorker<{ ok: number; errors: string[] }>("tests/support/sendoso-worker.ts", {
      mode: "refresh",
      databaseUrl: database.url,
      simUrl: sim.baseUrl,
      tokenKey,
      userId: rep.id,
      calls: 10,
    });
    await worker.ready;
    worker.go();
    const here = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const { tokens } = await openConnectionFor(deps, rep.id);
        return createSendosoClient({ baseUrl: sim.baseUrl, timeoutMs: 5_000, tokens }).me();
      }),
    );
    expect(await worker.result).toEqual({ ok: 10, errors: [] });
    expect(here.every((me) => me.id === 2)).toBe(true);
    expect(((await sim.stats()).tokens_issued.refresh_token ?? 0) - before).toBe(1);
  }, 60_000);
});
