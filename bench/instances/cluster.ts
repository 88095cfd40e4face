import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { upsertUserFromIdentity } from "@/lib/auth/users";
import { createTokenCipher } from "@/lib/crypto/token-cipher";
import type { Db } from "@/lib/db/client";
import { sendosoConnections } from "@/lib/db/schema";
import { tokenAad } from "@/lib/sendoso/connections";
import { freePort, type RunningApp, snapshotBuild, startApp } from "../send-path/app-server";

/**
 * N Gift Desk instances (`next start`) on one PostgreSQL database and one Sendoso simulator, sharing
 * the secrets a real deployment shares (sessions and token keys), with the real Sendoso rate limit and
 * the in-process jobs on: what bench/instances/run.ts measures and tests/e2e/instances.spec.ts checks.
 */
export type Cluster = { apps: RunningApp[]; authSecret: string; tokenKey: string; stop(): Promise<void> };

export async function startCluster(options: {
  instances: number;
  databaseUrl: string;
  sendosoUrl: string;
  rateLimitPerSecond: number;
  timeoutMs: number;
}): Promise<Cluster> {
  const authSecret = randomBytes(32).toString("base64url");
  const tokenKey = randomBytes(32).toString("base64");
  const build = snapshotBuild();
  const extra = {
    AUTH_SECRET: authSecret,
    TOKEN_ENCRYPTION_KEY: tokenKey,
    SENDOSO_RATE_LIMIT_PER_SECOND: String(options.rateLimitPerSecond),
    SENDOSO_TIMEOUT_MS: String(options.timeoutMs),
    SEND_RATE_LIMIT_PER_MINUTE: "1000",
    GIFT_DESK_JOBS: "in-process",
  };
  const ports = await Promise.all(Array.from({ length: options.instances }, () => freePort()));
  // One at a time: the first migrates, and a 2-core machine starts them faster in sequence.
  const apps: RunningApp[] = [];
  for (const port of ports) {
    apps.push(
      await startApp(build, {
        port,
        idpUrl: "http://127.0.0.1:9", // sessions are minted below; nobody signs in through the IdP
        sendosoUrl: options.sendosoUrl,
        databaseUrl: options.databaseUrl,
        extra,
      }),
    );
  }
  return {
    apps,
    authSecret,
    tokenKey,
    stop: async () => void (await Promise.all(apps.map((a) => a.stop()))),
  };
}

export type Rep = { userId: string; cookie: string };

/**
 * `count` reps in team a, each with a session cookie every instance accepts (an Auth.js JWT sealed
 * with the shared AUTH_SECRET, as a sign-in would set), and the shared org Sendoso connection they all
 * send through (the simulator's static token), so no OAuth round trip is needed per rep.
 */
export async function seedReps(db: Db, cluster: Cluster, count: number): Promise<Rep[]> {
  const run = randomBytes(3).toString("hex");
  const reps: Rep[] = [];
  for (let i = 0; i < count; i++) {
    const user = await upsertUserFromIdentity(db, {
      issuer: "http://instances.idp",
      subject: `rep-${run}-${i}`,
      email: `rep${i}.${run}@giftdesk.test`,
      name: `Rep ${i}`,
      role: "rep",
      team: "a",
    });
    const token = await encode({
      token: { sub: user.id, uid: user.id, signedInAt: Date.now() },
      secret: cluster.authSecret,
      salt: "authjs.session-token",
    });
    reps.push({ userId: user.id, cookie: `authjs.session-token=${token}` });
  }
  const id = randomUUID();
  const cipher = createTokenCipher(cluster.tokenKey);
  await db
    .insert(sendosoConnections)
    .values({
      id,
      userId: null,
      sendosoUserId: 1,
      sendosoEmail: "org@example.com",
      sendosoName: "Org account",
      accessTokenCiphertext: cipher.encrypt("sandbox-token", tokenAad(id, "access_token")),
      refreshTokenCiphertext: null,
      accessExpiresAt: new Date(Date.now() + 24 * 3_600_000),
      scope: "public write update",
    })
    .onConflictDoNothing();
  return reps;
}
