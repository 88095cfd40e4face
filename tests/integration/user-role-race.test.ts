import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admitSignIn } from "@/lib/auth/sign-in";
import { assignRole, suspendUser } from "@/lib/auth/user-admin";
import { findUserById } from "@/lib/auth/users";
import type { DatabaseHandle } from "@/lib/db/client";
import { openFreshPostgres, postgresServers } from "../support/databases";
import { testSignInRules } from "../support/sign-in-rules";
import { makeUser } from "../support/users";

const RULES = testSignInRules({ signInsPerMinute: 1000, roleSource: "app" });

/**
 * An admin's change and the user's own sign-ins race on real PostgreSQL (PGlite serialises everything):
 * the sign-in reads the row FOR UPDATE before deciding, so it can never write back a stale role over
 * an admin's assignment, nor sign in someone suspended a moment before.
 */
describe.each(postgresServers)("admin changes racing sign-ins on $name", ({ adminUrl }) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openFreshPostgres(adminUrl);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("keeps the admin's assignment however sign-ins interleave", async () => {
    const admin = await makeUser(database.db, `adm-${randomBytes(3).toString("hex")}`, "admin", null);
    for (let round = 0; round < 5; round++) {
      const sub = `u-${randomBytes(4).toString("hex")}`;
      const profile = { sub, email: `${sub}@giftdesk.test`, email_verified: true, name: sub };
      const first = await admitSignIn(database.db, profile, RULES, null);
      if (!first.ok) throw new Error(first.reason);
      const signIns = Array.from({ length: 12 }, () => admitSignIn(database.db, profile, RULES, null));
      const assigned = assignRole(database.db, admin, first.user.id, { role: "manager", team: "b" });
      await Promise.all([...signIns, assigned]);
      expect(await findUserById(database.db, first.user.id)).toMatchObject({
        role: "manager",
        team: "b",
        roleSource: "admin",
      });
    }
  });

  it("never admits a sign-in that starts after the suspension committed", async () => {
    const admin = await makeUser(database.db, `adm-${randomBytes(3).toString("hex")}`, "admin", null);
    const sub = `s-${randomBytes(4).toString("hex")}`;
    const profile = { sub, email: `${sub}@giftdesk.test`, email_verified: true, name: sub };
    const first = await admitSignIn(database.db, profile, RULES, null);
    if (!first.ok) throw new Error(first.reason);
    const during = Array.from({ length: 10 }, () => admitSignIn(database.db, profile, RULES, null));
    await Promise.all([...during, suspendUser(database.db, admin, first.user.id)]);
    const after = await Promise.all(
      Array.from({ length: 5 }, () => admitSignIn(database.db, profile, RULES, null)),
    );
    expect(after.every((v) => !v.ok && v.reason === "Suspended")).toBe(true);
    expect((await findUserById(database.db, first.user.id))?.suspendedAt).toBeInstanceOf(Date);
  });
});
