import { decimalString, type SendosoUser } from "../fixtures/users";
import { json, pageParams, paginate } from "../http-utils";
import type { Handler } from "../router";

/** GET /api/v3/me: the token's Sendoso user (contract §6.1). */
export const showMe: Handler = (_req, { state, auth }) => {
  if (!auth) throw new Error("showMe requires an authenticated route");
  const { user } = auth;
  const teamBalance = state.options.users.filter((u) => u.active).reduce((sum, u) => sum + u.balance, 0);
  return json(200, {
    id: user.id,
    first_name: user.first_name,
    last_name: user.last_name,
    email: user.email,
    role: user.role,
    balance: decimalString(user.balance),
    team_balance: Math.round(teamBalance),
  });
};

/** GET /api/v3/users: active users, ids as strings, `total_users` (contract §6.2). */
export const listUsers: Handler = (req, { state }) => {
  const users = state.options.users.filter((u) => u.active);
  const page = pageParams(req.query, state.options.defaultPerPage);
  return json(200, {
    current_page: page.page,
    per_page: page.perPage,
    total_users: users.length,
    users: paginate(users, page).map((u) => ({
      id: String(u.id),
      first_name: u.first_name,
      last_name: u.last_name,
      email: u.email,
      team_group_id: u.team_group_id,
    })),
  });
};

/** GET /api/v3/groups: `total_groups`, string monthly_budget, int budget (contract §6.4). */
export const listGroups: Handler = (req, { state }) => {
  const page = pageParams(req.query, state.options.defaultPerPage);
  return json(200, {
    current_page: page.page,
    per_page: page.perPage,
    total_groups: state.options.groups.length,
    groups: paginate(state.options.groups, page),
  });
};

/** GET /api/v3/groups/:id/members: a bare array; unknown group → 404 without `success`. */
export const listGroupMembers: Handler = (req, { state }) => {
  const group = state.options.groups.find((g) => String(g.id) === req.params.id);
  if (!group) return json(404, { message: "Group not found!" });
  const members = state.options.users.filter((u) => u.active && u.team_group_id === group.id);
  return json(
    200,
    members.map((u: SendosoUser) => ({
      id: u.id,
      first_name: u.first_name,
      last_name: u.last_name,
      email: u.email,
      balance: decimalString(u.balance),
      sandbox: true,
      team_group_id: u.team_group_id,
      team_id: group.team_id,
      key: u.key,
    })),
  );
};
