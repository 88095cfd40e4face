import { readFileSync } from "node:fs";
import { E2E } from "./support/ports";
import { requestAs } from "./support/sign-in";
import { expect, test } from "./support/test";

/** Every page and route handler, for every role: the status each one must answer. */
type Who = "anon" | "rep" | "manager" | "admin";
const WHO: Who[] = ["anon", "rep", "manager", "admin"];

const PAGES: Record<string, Record<Who, number>> = {
  "/send": { anon: 307, rep: 200, manager: 200, admin: 200 },
  "/history": { anon: 307, rep: 200, manager: 200, admin: 200 },
  "/dashboard": { anon: 307, rep: 404, manager: 200, admin: 200 },
  "/admin/audit": { anon: 307, rep: 404, manager: 404, admin: 200 },
  "/settings": { anon: 307, rep: 200, manager: 200, admin: 200 },
  "/notifications": { anon: 307, rep: 200, manager: 200, admin: 200 },
  "/approvals": { anon: 307, rep: 404, manager: 200, admin: 200 },
  "/admin/spend": { anon: 307, rep: 404, manager: 404, admin: 200 },
  "/admin/users": { anon: 307, rep: 404, manager: 404, admin: 200 },
  "/admin/touches": { anon: 307, rep: 404, manager: 404, admin: 200 },
  "/history/00000000-0000-4000-8000-000000000000": { anon: 307, rep: 404, manager: 404, admin: 404 },
  "/send/bulk": { anon: 307, rep: 200, manager: 200, admin: 200 },
  "/send/bulk/00000000-0000-4000-8000-000000000000": { anon: 307, rep: 404, manager: 404, admin: 404 },
};

const ROUTES: Record<string, Record<Who, number>> = {
  "GET /api/touches": { anon: 401, rep: 200, manager: 200, admin: 200 },
  "GET /api/sendoso/me": { anon: 401, rep: 200, manager: 200, admin: 200 },
  // Any signed-in user sees touch pictures; a hash that is not the current picture's finds nothing.
  [`GET /api/touches/1001/image/${"0".repeat(64)}`]: { anon: 401, rep: 404, manager: 404, admin: 404 },
  "GET /api/sends/status?ids=00000000-0000-4000-8000-000000000000": {
    anon: 401,
    rep: 200,
    manager: 200,
    admin: 200,
  },
  // Exports are started by POST from the page (issue 16): a GET only says so, and a POST without the
  // app's Origin is refused after the permission check.
  "GET /api/sends/export": { anon: 405, rep: 405, manager: 405, admin: 405 },
  "GET /api/audit/export": { anon: 405, rep: 405, manager: 405, admin: 405 },
  "POST /api/sends/export": { anon: 401, rep: 403, manager: 403, admin: 403 },
  "POST /api/audit/export": { anon: 401, rep: 404, manager: 404, admin: 403 },
  "GET /api/admin/users/export": { anon: 405, rep: 405, manager: 405, admin: 405 },
  "POST /api/admin/users/export": { anon: 401, rep: 404, manager: 404, admin: 403 },
  // No CRON_SECRET in this environment: the scheduler route refuses everyone, signed in or not.
  "POST /api/cron/sweep": { anon: 401, rep: 401, manager: 401, admin: 401 },
  "POST /api/cron/sync": { anon: 401, rep: 401, manager: 401, admin: 401 },
  "POST /api/cron/notifications": { anon: 401, rep: 401, manager: 401, admin: 401 },
  "GET /api/notifications/unread": { anon: 401, rep: 200, manager: 200, admin: 200 },
  "GET /api/bulk/template": { anon: 401, rep: 200, manager: 200, admin: 200 },
  // No Origin header: refused before the body is read.
  "POST /api/bulk/upload": { anon: 401, rep: 403, manager: 403, admin: 403 },
  "GET /api/bulk/00000000-0000-4000-8000-000000000000/progress": {
    anon: 401,
    rep: 404,
    manager: 404,
    admin: 404,
  },
  "GET /api/bulk/00000000-0000-4000-8000-000000000000/results": {
    anon: 401,
    rep: 404,
    manager: 404,
    admin: 404,
  },
  "GET /api/bulk/00000000-0000-4000-8000-000000000000/invalid": {
    anon: 401,
    rep: 404,
    manager: 404,
    admin: 404,
  },
  "POST /api/cron/bulk": { anon: 401, rep: 401, manager: 401, admin: 401 },
  // The send form's recipient glance: POST only, and without the app's Origin refused before the body.
  "GET /api/recipients/glance": { anon: 405, rep: 405, manager: 405, admin: 405 },
  "POST /api/recipients/glance": { anon: 401, rep: 403, manager: 403, admin: 403 },
  // Sandbox only; a request without the app's Origin is refused before anything is written.
  "POST /api/sandbox/notifications": { anon: 401, rep: 403, manager: 403, admin: 403 },
};

/** Pages are answered to a plain GET, so they join the routes as "GET <path>". */
const ENDPOINTS: Record<string, Record<Who, number>> = {
  ...Object.fromEntries(Object.entries(PAGES).map(([path, codes]) => [`GET ${path}`, codes])),
  ...ROUTES,
};

for (const who of WHO) {
  test(`${who}: every page and route handler answers as the matrix says`, async ({ playwright }) => {
    const request = await requestAs(playwright, who === "anon" ? undefined : who);
    const seen: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const [route, codes] of Object.entries(ENDPOINTS)) {
      const [method, path] = route.split(" ") as [string, string];
      const response = await request.fetch(path, { method, maxRedirects: 0 });
      seen[route] = response.status();
      expected[route] = codes[who];
    }
    expect(seen).toEqual(expected);
    await request.dispose();
  });
}

/** The page a server action is served from, from Next's manifest of this build. */
function actionsWithPages(): { name: string; id: string; path: string }[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; workers?: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers ?? {})[0] ?? "app/page";
    const path = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]*\)/g, "")
      .replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000");
    return { name: entry.exportedName ?? id, id, path: path || "/" };
  });
}

test("every server action called without a valid session does nothing and sends to sign-in", async ({
  request,
}) => {
  const actions = actionsWithPages().filter((a) => a.name !== "signInWithSso");
  expect(actions.length).toBeGreaterThanOrEqual(4);
  const answers: Record<string, string | undefined> = {};
  for (const action of actions) {
    const response = await request.post(action.path, {
      headers: {
        "Next-Action": action.id,
        "Content-Type": "text/plain;charset=UTF-8",
        Origin: E2E.appUrl,
        Cookie: "authjs.session-token=forged",
      },
      data: JSON.stringify([{}]),
      maxRedirects: 0,
    });
    const target = response.headers()["x-action-redirect"]?.split(";")[0];
    answers[action.name] = target
      ? new URL(target, E2E.appUrl).pathname
      : `no redirect (${response.status()})`;
  }
  expect(answers).toEqual(Object.fromEntries(actions.map((a) => [a.name, "/signin"])));
});
