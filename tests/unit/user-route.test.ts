import { describe, expect, it } from "vitest";
import { guardedRoute as userRoute } from "@/lib/auth/route-guard";
import type { User } from "@/lib/db/schema";

const rep = { id: "u-rep", role: "rep", team: "a" } as User;
const admin = { id: "u-admin", role: "admin", team: null } as User;
const as = (user: User | null) => async () => user;
const echo = async (user: User, n: number) => Response.json({ user: user.id, n });

describe("userRoute", () => {
  it("answers 401 without a session, and never runs the handler", async () => {
    let ran = false;
    const handler = async (user: User) => {
      ran = true;
      return echo(user, 0);
    };
    const route = userRoute({}, handler, as(null));
    const response = await route();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in to continue." });
    expect(ran).toBe(false);
  });

  it("refuses a caller without the permission with the route's own status and words", async () => {
    const hidden = { status: 404, message: "Not found." } as const;
    const route = userRoute({ permission: "view_audit_log", refusal: hidden }, echo, as(rep));
    const response = await route(1);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Not found." });
  });

  it("defaults a refusal to 403, in the ActionResult shape when asked", async () => {
    const route = userRoute({ permission: "manage_users", shape: "formError" }, echo, as(rep));
    const response = await route(1);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ ok: false, formError: "You do not have access to this." });
  });

  it("hands the user and the route's arguments to the handler", async () => {
    const route = userRoute({ permission: "manage_users" }, echo, as(admin));
    expect(await (await route(7)).json()).toEqual({ user: "u-admin", n: 7 });
  });
});
