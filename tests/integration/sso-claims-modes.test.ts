import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { devGroupId, GROUP_FORMATS, GROUPS_IN } from "../../sandbox/idp/claims-mode";
import { createDevIdp, type DevIdp } from "../../sandbox/idp/server";
import { auditWatcher } from "../support/audit-entries";
import { authApp, CALLBACK_URL } from "../support/auth-flow";
import { backends } from "../support/databases";

/** Entra sends object ids: the settings name them next to the plain names (docs/sso.md). */
const ID_MAPPING = {
  AUTH_MANAGER_GROUPS: `gift-desk-managers,${devGroupId("gift-desk-managers")},GiftDesk.Manager`,
  AUTH_ADMIN_GROUPS: `gift-desk-admins,${devGroupId("gift-desk-admins")}`,
  AUTH_TEAM_GROUPS: `${devGroupId("team-a")}:a,${devGroupId("team-b")}:b`,
};

/**
 * The whole sign-in as the app runs it (NextAuth's handlers with Gift Desk's config, in-process) against
 * the dev IdP in every claims mode, so the place an IdP puts groups and the shape it gives them can
 * never again silently turn a manager into a rep.
 */
describe.each(backends)("SSO claims on $name", (backend) => {
  let database: DatabaseHandle;
  let idp: DevIdp;
  let issuer: string;
  const audit = auditWatcher(() => database.db);
  const control = (p: string, body?: unknown) =>
    fetch(`${issuer}/__idp${p}`, {
      method: body === undefined ? "POST" : "PUT",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const userRow = async (email: string) => {
    const [row] = await database.db
      .select()
      .from(users)
      .where(and(eq(users.issuer, issuer), eq(users.email, email)));
    return row;
  };

  beforeAll(async () => {
    database = await backend.open();
    idp = createDevIdp({ redirectUris: [CALLBACK_URL] });
    issuer = await idp.listen(0);
  });
  afterAll(async () => {
    await idp?.close();
    await database?.close();
  });
  beforeEach(async () => {
    await control("/reset");
    await audit.mark();
  });

  const modes = GROUPS_IN.flatMap((groupsIn) =>
    GROUP_FORMATS.map((groupFormat) => ({ groupsIn, groupFormat })),
  );
  it.each(modes)("groups in $groupsIn as $groupFormat: the manager is a manager of team a", async (mode) => {
    expect((await control("/mode", mode)).status).toBe(200);
    const app = authApp(database.db, issuer, ID_MAPPING);
    const landed = await app.signIn("manager@giftdesk.test");
    expect(landed.pathname + landed.search).toBe("/send");
    expect(await userRow("manager@giftdesk.test")).toMatchObject({
      role: "manager",
      team: "a",
      roleSource: "idp",
    });
    const session = await app.session();
    expect(session?.user.id).toBe((await userRow("manager@giftdesk.test"))?.id);
    expect(typeof session?.signedInAt).toBe("number");
  });

  it("reads groups only from the configured source when AUTH_GROUPS_SOURCE says so", async () => {
    await control("/mode", { groupsIn: "id_token", groupFormat: "name" });
    await authApp(database.db, issuer, { AUTH_GROUPS_SOURCE: "userinfo" }).signIn("manager2@giftdesk.test");
    expect(await userRow("manager2@giftdesk.test")).toMatchObject({ role: "rep", team: null });
    await authApp(database.db, issuer, { AUTH_GROUPS_SOURCE: "id_token" }).signIn("manager2@giftdesk.test");
    expect(await userRow("manager2@giftdesk.test")).toMatchObject({ role: "manager", team: "b" });
  });

  it("maps Entra app roles (the roles claim, ID token only) like groups", async () => {
    await control("/mode", { groupsIn: "id_token", groupFormat: "id" });
    await control("/users/newhire@giftdesk.test/roles", { roles: ["GiftDesk.Manager", "team-b"] });
    await authApp(database.db, issuer, ID_MAPPING).signIn("newhire@giftdesk.test");
    expect(await userRow("newhire@giftdesk.test")).toMatchObject({ role: "manager", team: "b" });
  });

  it("refuses a groups overage with a clear reason, audited, and signs nobody in", async () => {
    await control("/mode", { groupsIn: "id_token", groupFormat: "id", groupsOverage: true });
    const app = authApp(database.db, issuer, ID_MAPPING);
    const landed = await app.signIn("leaver@giftdesk.test");
    expect(landed.pathname + landed.search).toBe("/signin?error=GroupsOverage");
    expect(await app.session()).toBeNull();
    const entries = await audit.since();
    expect(entries.map((e) => [e.action, e.after?.reason])).toEqual([
      ["user.sign_in_refused", "GroupsOverage"],
    ]);
  });

  it("signs in a user with no groups as a teamless rep and audits that they arrived with none", async () => {
    await control("/users/leaver@giftdesk.test/groups", { groups: [] });
    await authApp(database.db, issuer).signIn("leaver@giftdesk.test");
    const row = await userRow("leaver@giftdesk.test");
    expect(row).toMatchObject({ role: "rep", team: null });
    expect((await audit.since()).map((e) => e.action)).toEqual([
      "user.signed_in",
      "user.signed_in_without_groups",
    ]);
  });

  it("refuses an unverified email, and a missing claim unless AUTH_TRUST_UNVERIFIED_EMAIL=1", async () => {
    const landed = await authApp(database.db, issuer).signIn("unverified@giftdesk.test");
    expect(landed.search).toBe("?error=EmailNotVerified");
    // email_verified false is refused even when a missing claim is trusted.
    const trusting = await authApp(database.db, issuer, { AUTH_TRUST_UNVERIFIED_EMAIL: "1" }).signIn(
      "unverified@giftdesk.test",
    );
    expect(trusting.search).toBe("?error=EmailNotVerified");
  });

  it("sign-out through Auth.js ends the session server-side, audited", async () => {
    const app = authApp(database.db, issuer);
    await app.signIn("temp@giftdesk.test");
    expect(await app.session()).not.toBeNull();
    await audit.mark();
    await app.signOut();
    const row = await userRow("temp@giftdesk.test");
    expect(row?.sessionsValidAfter).toBeInstanceOf(Date);
    expect((await audit.since()).map((e) => [e.action, e.actorId])).toEqual([["user.signed_out", row?.id]]);
  });
});
