import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { sendosoConnections, sendosoOauthAttempts } from "@/lib/db/schema";
import { completeConnect, startConnect } from "@/lib/sendoso/connect";
import { OAuthStateError } from "@/lib/sendoso/oauth-state";
import { backends } from "../support/databases";
import { createTestUser, SIM_CLIENT, startedConnect, testConnectDeps } from "../support/sendoso-connection";
import { startSimulator, type TestSimulator } from "../support/simulator";

/** Issue 16 item 7: the Sendoso OAuth state works once, and the flow uses PKCE S256 end to end. */
describe.each(backends)("Sendoso OAuth state and PKCE on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  const deps = () => testConnectDeps(database.db, sim);

  it("the authorize URL carries an S256 challenge of the verifier kept on the server", async () => {
    const rep = await createTestUser(database.db);
    const url = new URL(await startConnect(deps(), rep.id));
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    const rows = await database.db.select().from(sendosoOauthAttempts);
    const mine = rows.find((r) => r.userId === rep.id);
    const challenge = createHash("sha256")
      .update(mine?.codeVerifier ?? "")
      .digest("base64url");
    expect(url.searchParams.get("code_challenge")).toBe(challenge);
    expect(url.toString()).not.toContain(mine?.codeVerifier);
  });

  it("a state is single-use: replaying it, even with a fresh code, is refused", async () => {
    const rep = await createTestUser(database.db);
    const { code, state } = await startedConnect(deps(), sim, rep);
    await completeConnect(deps(), { userId: rep.id, isAdmin: false, code, state });
    const { code: second } = await sim.issueCode({ user_id: 3, redirect_uri: SIM_CLIENT.redirectUri });
    await expect(
      completeConnect(deps(), { userId: rep.id, isAdmin: false, code: second, state }),
    ).rejects.toThrow(OAuthStateError);
    const connections = (await database.db.select().from(sendosoConnections)).filter(
      (c) => c.userId === rep.id,
    );
    expect(connections.map((c) => c.sendosoUserId)).toEqual([2]);
  });

  it("two callbacks racing with one state: exactly one connects", async () => {
    const rep = await createTestUser(database.db);
    const { code, state } = await startedConnect(deps(), sim, rep);
    const outcomes = await Promise.allSettled([
      completeConnect(deps(), { userId: rep.id, isAdmin: false, code, state }),
      completeConnect(deps(), { userId: rep.id, isAdmin: false, code, state }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("the simulator refuses a code exchanged without its verifier, and an authorize request without PKCE", async () => {
    const challenge = createHash("sha256").update("v".repeat(43)).digest("base64url");
    const exchange = async (verifier?: string) => {
      const { code } = await sim.issueCode({ user_id: 2, code_challenge: challenge });
      const form = new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: SIM_CLIENT.redirectUri,
      });
      if (verifier) form.set("code_verifier", verifier);
      const basic = Buffer.from(`${SIM_CLIENT.clientId}:${SIM_CLIENT.clientSecret}`).toString("base64");
      const response = await fetch(`${sim.baseUrl}/oauth/token`, {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
        body: form,
      });
      return response.status;
    };
    expect(await exchange()).toBe(400);
    expect(await exchange("w".repeat(43))).toBe(400);
    expect(await exchange("v".repeat(43))).toBe(200);

    const authorize = new URL("/oauth/authorize", sim.baseUrl);
    authorize.search = new URLSearchParams({
      client_id: SIM_CLIENT.clientId,
      redirect_uri: SIM_CLIENT.redirectUri,
      response_type: "code",
      state: "s",
    }).toString();
    const refused = await fetch(authorize, { redirect: "manual" });
    expect(refused.status).toBe(302);
    expect(new URL(refused.headers.get("location") ?? "").searchParams.get("error")).toBe("invalid_request");
  });
});
