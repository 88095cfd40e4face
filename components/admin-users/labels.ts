import type { ConnectionStatus, Role, RoleSource } from "@/lib/db/schema";

export const ROLE_LABEL: Record<Role, string> = { rep: "Rep", manager: "Manager", admin: "Admin" };

/** Where the role came from, in an IT admin's words. */
export const ROLE_SOURCE_LABEL: Record<RoleSource, string> = {
  idp: "IdP groups",
  admin: "Set in Gift Desk",
  bootstrap: "Bootstrap admin",
  default: "Not assigned yet",
};

export const SENDOSO_LABEL: Record<ConnectionStatus | "not_connected", string> = {
  active: "Connected",
  needs_reconnect: "Needs reconnect",
  not_connected: "Not connected",
};
