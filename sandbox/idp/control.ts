/**
 * Test control endpoints of the dev IdP (never part of a real IdP):
 *   GET  /__idp/health                      → { ok, issuer }
 *   GET  /__idp/users                       → the demo users and their current groups
 *   PUT  /__idp/users/:email/groups         → body { "groups": string[] }; applies from the next sign-in
 *   PUT  /__idp/users/:email/roles          → body { "roles": string[] }; Entra app roles, in the ID token
 *   GET  /__idp/mode, PUT /__idp/mode         → the claims mode (claims-mode.ts); PUT takes any of its fields
 *   GET  /__idp/groups                       → every demo group with its path and object id
 *   POST /__idp/reset                       → restores every user's default groups and the start-up mode
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type AccountStore, DEMO_PASSWORD, type DemoUser } from "./accounts";
import { devGroupId, devGroupPath, parseMode } from "./claims-mode";
import { HttpError, readJson, sendJson } from "./http";

export const CONTROL_PREFIX = "/__idp";

const publicUser = (u: DemoUser) => ({
  sub: u.sub,
  email: u.email,
  emailVerified: u.emailVerified,
  name: u.name,
  groups: u.groups,
  roles: u.roles,
  password: DEMO_PASSWORD,
});

function parseList(body: unknown, key: "groups" | "roles", example: string): string[] {
  const list = (body as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list) || !list.every((g): g is string => typeof g === "string")) {
    throw new HttpError(400, `Body must be JSON like {"${key}": ["${example}"]}`);
  }
  return list;
}

export async function handleControl(
  accounts: AccountStore,
  issuer: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? "GET";
  const route = path.slice(CONTROL_PREFIX.length);
  try {
    if (route === "/health" && method === "GET") return sendJson(res, 200, { ok: true, issuer });
    if (route === "/users" && method === "GET") return sendJson(res, 200, accounts.list().map(publicUser));
    if (route === "/reset" && method === "POST") {
      accounts.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (route === "/mode" && method === "GET") return sendJson(res, 200, accounts.mode());
    if (route === "/mode" && method === "PUT") {
      const mode = parseMode(await readJson(req), accounts.mode());
      if (typeof mode === "string") throw new HttpError(400, mode);
      accounts.setMode(mode);
      return sendJson(res, 200, mode);
    }
    if (route === "/groups" && method === "GET") {
      const names = [...new Set(accounts.list().flatMap((u) => u.groups))].sort();
      return sendJson(
        res,
        200,
        names.map((name) => ({ name, path: devGroupPath(name), id: devGroupId(name) })),
      );
    }
    const listRoute = /^\/users\/([^/]+)\/(groups|roles)$/.exec(route);
    if (listRoute && method === "PUT") {
      const email = decodeURIComponent(listRoute[1] ?? "");
      const body = await readJson(req);
      const user =
        listRoute[2] === "roles"
          ? accounts.setRoles(email, parseList(body, "roles", "GiftDesk.Manager"))
          : accounts.setGroups(email, parseList(body, "groups", "team-a"));
      if (!user) throw new HttpError(404, `Unknown demo user: ${email}`);
      return sendJson(res, 200, publicUser(user));
    }
    throw new HttpError(404, `No control endpoint ${method} ${path}`);
  } catch (err) {
    if (err instanceof HttpError) return sendJson(res, err.status, { error: err.message });
    if (err instanceof URIError) return sendJson(res, 400, { error: "Malformed email in path" });
    throw err;
  }
}
