import { describe, expect, it } from "vitest";
import { ACTIONS, can } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/db/schema";
import { sendScopeFor } from "@/lib/sends/scope";

const MANAGE = { view_dashboard: true, export_sends: true, resolve_unknown_sends: true };
const EXPECTED: Record<string, Record<string, boolean>> = {
  rep: {
    send: true,
    view_own_sends: true,
    view_team_sends: false,
    view_all_sends: false,
    view_dashboard: false,
    export_sends: false,
    resolve_unknown_sends: false,
    connect_own_sendoso: true,
    manage_shared_sendoso: false,
    approve_sends: false,
    manage_spend: false,
    view_audit_log: false,
    use_notifications: true,
    manage_users: false,
    manage_team_messages: false,
    manage_touch_cards: false,
  },
  manager: {
    send: true,
    view_own_sends: true,
    view_team_sends: true,
    view_all_sends: false,
    ...MANAGE,
    connect_own_sendoso: true,
    manage_shared_sendoso: false,
    approve_sends: true,
    manage_spend: false,
    view_audit_log: false,
    use_notifications: true,
    manage_users: false,
    manage_team_messages: true,
    manage_touch_cards: false,
  },
  admin: {
    send: true,
    view_own_sends: true,
    view_team_sends: true,
    view_all_sends: true,
    ...MANAGE,
    connect_own_sendoso: true,
    manage_shared_sendoso: true,
    approve_sends: true,
    manage_spend: true,
    view_audit_log: true,
    use_notifications: true,
    manage_users: true,
    manage_team_messages: true,
    manage_touch_cards: true,
  },
};

describe("permission table", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      it(`${role} ${EXPECTED[role]?.[action] ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(EXPECTED[role]?.[action]);
      });
    }
  }
});

describe("sendScopeFor", () => {
  it("gives reps their own sends, managers their team, admins everything", () => {
    expect(sendScopeFor({ id: "u1", role: "rep", team: "a" })).toEqual({ kind: "own", userId: "u1" });
    expect(sendScopeFor({ id: "u2", role: "manager", team: "a" })).toEqual({
      kind: "team",
      team: "a",
      userId: "u2",
    });
    expect(sendScopeFor({ id: "u3", role: "manager", team: null })).toEqual({ kind: "own", userId: "u3" });
    expect(sendScopeFor({ id: "u4", role: "admin", team: null })).toEqual({ kind: "all" });
  });
});
