/**
 * Test control endpoints of the dev IdP (never part of a real IdP):
 *   GET  /__idp/health                      → { ok, issuer }
 *   GET  /__idp/users                       → the demo users and their current groups
 *   PUT  /__idp/users/:email/groups         → body { "groups": string[] }; applies from the next sign-in
 *   POST /__idp/reset                       → restores every user's default groups
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type AccountStore, DEMO_PASSWORD, type DemoUser } from "./accounts";
import { HttpError, readJson, sendJson } from "./http";

export const CONTROL_PREFIX = "/__idp";

const publicUser = (u: DemoUser) => ({
  sub: u.sub,
  email: u.email,
  emailVerified: u.emailVerified,
  name: u.name,
  groups: u.groups,
  password: DEMO_PASSWORD,
});

function parseGroups(body: unknown): string[] {
  const groups = (body as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups) || !groups.every((g): g is string => typeof g === "string")) {
    throw new HttpError(400, 'Body must be JSON like {"groups": ["team-a"]}');
  }
  return groups;
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
    const groupsRoute = /^\/users\/([^/]+)\/groups$/.exec(route);
    if (groupsRoute && method === "PUT") {
      const email = decodeURIComponent(groupsRoute[1] ?? "");
      const user = accounts.setGroups(email, parseGroups(await readJson(req)));
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
