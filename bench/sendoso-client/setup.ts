import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { upsertUserFromIdentity } from "@/lib/auth/users";
import { createTokenCipher } from "@/lib/crypto/token-cipher";
import { type DatabaseHandle, openDatabase } from "@/lib/db/client";
import { type ConnectDeps, completeConnect } from "@/lib/sendoso/connect";
import { signOAuthState } from "@/lib/sendoso/oauth-state";
import { openFreshPostgres } from "../../tests/support/databases";

/** The simulator's default OAuth client (sandbox/sendoso/options.ts). */
const CLIENT = {
  clientId: "gift-desk-sandbox",
  clientSecret: "gift-desk-sandbox-secret",
  redirectUri: "http://localhost:3000/api/sendoso/oauth/callback",
};

export async function startSimulatorProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn("node_modules/.bin/tsx", ["bench/sendoso-client/simulator-process.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      const match = /http:\/\/\S+/.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    child.once("exit", (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return { url, child };
}

/** PGlite in memory, or a throwaway database on a local PostgreSQL server (the tests' setup, dropped afterwards). */
export function openBenchDatabase(adminUrl?: string): Promise<DatabaseHandle> {
  return adminUrl ? openFreshPostgres(adminUrl) : openDatabase({ kind: "pglite" });
}

/** A rep with a Sendoso connection made through the real OAuth callback path. */
export async function connectRep(
  handle: DatabaseHandle,
  simUrl: string,
): Promise<{ deps: ConnectDeps; userId: string }> {
  const deps: ConnectDeps = {
    db: handle.db,
    cipher: createTokenCipher(randomBytes(32).toString("base64")),
    stateSecret: randomBytes(32).toString("hex"),
    oauth: { baseUrl: simUrl, timeoutMs: 5_000, ...CLIENT },
  };
  const rep = await upsertUserFromIdentity(handle.db, {
    issuer: "http://bench.idp",
    subject: "bench-rep",
    email: "bench@giftdesk.test",
    name: "Bench Rep",
    role: "rep",
    team: "a",
  });
  const response = await fetch(`${simUrl}/__sandbox/oauth/codes`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user_id: 2, redirect_uri: CLIENT.redirectUri }),
  });
  const { code } = (await response.json()) as { code: string };
  const state = signOAuthState(deps.stateSecret, { userId: rep.id, purpose: "own" });
  await completeConnect(deps, { userId: rep.id, isAdmin: false, code, state });
  return { deps, userId: rep.id };
}
