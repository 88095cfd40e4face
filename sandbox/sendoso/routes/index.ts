import type { RouteDef } from "../router";
import { listGroupMembers, listGroups, listUsers, showMe } from "./account";
import { generateEgiftLinks } from "./egift-links";
import { decideAuthorize, showAuthorize } from "./oauth-authorize";
import { issueToken, revokeToken } from "./oauth-token";
import { createSend } from "./send";
import { legacyGiftStatus, listSends } from "./send-list";
import { listTouches, showTouch } from "./touches";

/** Everything Gift Desk talks to: OAuth (no bearer) and the /api/v3 REST API (bearer). */
export const appRoutes: RouteDef[] = [
  { method: "GET", pattern: "/oauth/authorize", handler: showAuthorize },
  { method: "POST", pattern: "/oauth/authorize", handler: decideAuthorize },
  { method: "POST", pattern: "/oauth/token", handler: issueToken },
  { method: "POST", pattern: "/oauth/revoke", handler: revokeToken },
  { method: "POST", pattern: "/api/v3/send", handler: createSend, auth: true, write: true },
  { method: "GET", pattern: "/api/v3/send", handler: listSends, auth: true },
  {
    method: "POST",
    pattern: "/api/v3/send/generate_egift_links",
    handler: generateEgiftLinks,
    auth: true,
    write: true,
  },
  { method: "GET", pattern: "/api/v3/touches", handler: listTouches, auth: true },
  { method: "GET", pattern: "/api/v3/touches/:id", handler: showTouch, auth: true },
  { method: "GET", pattern: "/api/v3/me", handler: showMe, auth: true },
  { method: "GET", pattern: "/api/v3/users", handler: listUsers, auth: true },
  { method: "GET", pattern: "/api/v3/groups", handler: listGroups, auth: true },
  { method: "GET", pattern: "/api/v3/groups/:id/members", handler: listGroupMembers, auth: true },
  { method: "GET", pattern: "/api/v3/gifts/status/:code", handler: legacyGiftStatus, auth: true },
];
