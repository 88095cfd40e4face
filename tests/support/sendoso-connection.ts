import { randomBytes } from "node:crypto";
import { upsertUserFromIdentity } from "@/lib/auth/users";
import { createTokenCipher } from "@/lib/crypto/token-cipher";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { type ConnectDeps, completeConnect, startConnect } from "@/lib/sendoso/connect";
import type { ConnectionInfo } from "@/lib/sendoso/connections";
import type { SlotSource } from "@/lib/sendoso/limited-exchange";
import type { TestSimulator } from "./simulator";

/** The simulator's default OAuth client and redirect URI (sandbox/sendoso/options.ts). */
export const SIM_CLIENT = {
  clientId: "gift-desk-sandbox",
  clientSecret: "gift-desk-sandbox-secret",
  redirectUri: "http://localhost:3000/api/sendoso/oauth/callback",
};

/** Everything lib/sendoso's connection functions need, pointed at a test simulator and database. */
export function testConnectDeps(
  db: Db,
  sim: { baseUrl: string },
  options: { limiter?: SlotSource; timeoutMs?: number; key?: string } = {},
): ConnectDeps {
  return {
    db,
    cipher: createTokenCipher(options.key ?? randomBytes(32).toString("base64")),
    stateSecret: "test-auth-secret-of-at-least-thirty-two-chars",
    oauth: {
      baseUrl: sim.baseUrl,
      timeoutMs: options.timeoutMs ?? 2_000,
      limiter: options.limiter,
      ...SIM_CLIENT,
    },
  };
}

let userCounter = 0;

export function createTestUser(db: Db, role: User["role"] = "rep"): Promise<User> {
  userCounter += 1;
  const n = `${Date.now()}-${userCounter}-${randomBytes(3).toString("hex")}`;
  return upsertUserFromIdentity(db, {
    issuer: "http://idp.test",
    subject: `user-${n}`,
    email: `user-${n}@giftdesk.test`,
    name: `User ${n}`,
    role,
    team: "a",
  });
}

/**
 * Starts a connect flow as the app does (a recorded attempt, signed state, PKCE challenge) and gets the
 * simulator to issue the code its approve page would, bound to that challenge.
 */
export async function startedConnect(
  deps: ConnectDeps,
  sim: Pick<TestSimulator, "issueCode">,
  user: User,
  options: { sendosoUserId?: number; shared?: boolean } = {},
): Promise<{ code: string; state: string }> {
  const url = new URL(await startConnect(deps, user.id, options.shared ? "shared" : "own"));
  const { code } = await sim.issueCode({
    user_id: options.sendosoUserId ?? 2,
    redirect_uri: SIM_CLIENT.redirectUri,
    code_challenge: url.searchParams.get("code_challenge") ?? undefined,
  });
  return { code, state: url.searchParams.get("state") ?? "" };
}

/**
 * Connects `user` (or, with `shared`, the org) to Sendoso demo user `sendosoUserId` through the real
 * callback path: a code from the simulator, the signed one-time state, PKCE code exchange, /me,
 * encrypted storage.
 */
export async function connectThroughOAuth(
  deps: ConnectDeps,
  sim: Pick<TestSimulator, "issueCode">,
  user: User,
  options: { sendosoUserId?: number; shared?: boolean } = {},
): Promise<ConnectionInfo> {
  const { code, state } = await startedConnect(deps, sim, user, options);
  return completeConnect(deps, { userId: user.id, isAdmin: user.role === "admin", code, state });
}
