import { type ClaimsMode, DEFAULT_MODE, formatGroup } from "./claims-mode";

/**
 * Demo users of the dev IdP, held in a small mutable store (one per IdP instance)
 * so tests can change a user's groups and reset them again.
 */

export const DEMO_PASSWORD = "giftdesk";

export interface DemoUser {
  /** Stable OIDC subject. */
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
  givenName: string;
  familyName: string;
  groups: string[];
  /** Entra-style app roles (`roles` claim, ID token only); none by default. */
  roles: string[];
}

type Seed = Omit<DemoUser, "givenName" | "familyName" | "emailVerified" | "roles"> & {
  emailVerified?: boolean;
};

const SEED: readonly Seed[] = [
  { sub: "dev-rep-1", email: "rep@giftdesk.test", name: "Riley Rep", groups: ["team-a"] },
  { sub: "dev-rep-2", email: "rep2@giftdesk.test", name: "Sam Seller", groups: ["team-b"] },
  {
    sub: "dev-manager-1",
    email: "manager@giftdesk.test",
    name: "Morgan Manager",
    groups: ["gift-desk-managers", "team-a"],
  },
  { sub: "dev-admin-1", email: "admin@giftdesk.test", name: "Avery Admin", groups: ["gift-desk-admins"] },
  { sub: "dev-outsider-1", email: "outsider@example.com", name: "Olly Outsider", groups: ["team-a"] },
  {
    sub: "dev-unverified-1",
    email: "unverified@giftdesk.test",
    name: "Una Verified",
    groups: ["team-a"],
    emailVerified: false,
  },
  // For session and mode tests, so signing them out never ends a saved e2e session of the users above.
  { sub: "dev-temp-1", email: "temp@giftdesk.test", name: "Toni Temp", groups: ["team-b"] },
  { sub: "dev-leaver-1", email: "leaver@giftdesk.test", name: "Lou Leaver", groups: ["team-a"] },
  {
    sub: "dev-manager-2",
    email: "manager2@giftdesk.test",
    name: "Drew Director",
    groups: ["gift-desk-managers", "team-b"],
  },
  { sub: "dev-newhire-1", email: "newhire@giftdesk.test", name: "Nico Newhire", groups: [] },
];

function fromSeed(seed: Seed): DemoUser {
  const [givenName = seed.name, ...rest] = seed.name.split(" ");
  return {
    ...seed,
    emailVerified: seed.emailVerified ?? true,
    givenName,
    familyName: rest.join(" "),
    groups: [...seed.groups],
    roles: [],
  };
}

export interface AccountStore {
  list(): DemoUser[];
  findByEmail(email: string): DemoUser | undefined;
  findBySub(sub: string): DemoUser | undefined;
  /** Returns the user when the email (case-insensitive) and password match. */
  authenticate(email: string, password: string): DemoUser | undefined;
  /** Replaces the user's groups; returns the updated user, or undefined for an unknown email. */
  setGroups(email: string, groups: readonly string[]): DemoUser | undefined;
  /** Replaces the user's app roles (Entra `roles` claim). */
  setRoles(email: string, roles: readonly string[]): DemoUser | undefined;
  /** How group claims are shaped (claims-mode.ts). */
  mode(): ClaimsMode;
  setMode(mode: ClaimsMode): void;
  /** Restores every user to its default groups and roles, and the start-up claims mode. */
  reset(): void;
}

export function createAccountStore(initialMode: ClaimsMode = DEFAULT_MODE): AccountStore {
  let users = SEED.map(fromSeed);
  let mode = { ...initialMode };
  const copy = (user: DemoUser | undefined): DemoUser | undefined =>
    user ? { ...user, groups: [...user.groups], roles: [...user.roles] } : undefined;
  const byEmail = (email: string) => users.find((u) => u.email === email.trim().toLowerCase());

  return {
    list: () => users.map((u) => ({ ...u, groups: [...u.groups], roles: [...u.roles] })),
    findByEmail: (email) => copy(byEmail(email)),
    findBySub: (sub) => copy(users.find((u) => u.sub === sub)),
    authenticate: (email, password) => (password === DEMO_PASSWORD ? copy(byEmail(email)) : undefined),
    setGroups(email, groups) {
      const user = byEmail(email);
      if (!user) return undefined;
      user.groups = [...groups];
      return copy(user);
    },
    setRoles(email, roles) {
      const user = byEmail(email);
      if (!user) return undefined;
      user.roles = [...roles];
      return copy(user);
    },
    mode: () => ({ ...mode }),
    setMode(next) {
      mode = { ...next };
    },
    reset() {
      users = SEED.map(fromSeed);
      mode = { ...initialMode };
    },
  };
}

/**
 * The OIDC claims of a user for the given space-separated scope, for the ID token or userinfo (`use`),
 * shaped by the claims mode: groups go where `groupsIn` says, in `groupFormat`; app roles go in the
 * ID token only, as Entra does; with `groupsOverage` the ID token points at Graph instead of listing them.
 */
export function claimsFor(
  user: DemoUser,
  scope: string,
  use: string = "userinfo",
  mode: ClaimsMode = DEFAULT_MODE,
): Record<string, unknown> & { sub: string } {
  const scopes = new Set(scope.split(" "));
  // The app reads groups with the default scope "openid email profile", so "profile" carries them too.
  const groupsScope = scopes.has("profile") || scopes.has("groups");
  const inThisToken = mode.groupsIn === "both" || mode.groupsIn === use;
  const groups = user.groups.map((g) => formatGroup(g, mode.groupFormat));
  const overage = mode.groupsOverage && use === "id_token";
  return {
    sub: user.sub,
    ...(scopes.has("email") && { email: user.email, email_verified: user.emailVerified }),
    ...(scopes.has("profile") && {
      name: user.name,
      given_name: user.givenName,
      family_name: user.familyName,
    }),
    ...(groupsScope && inThisToken && !mode.groupsOverage && { groups }),
    ...(groupsScope && use === "id_token" && user.roles.length > 0 && { roles: [...user.roles] }),
    ...(groupsScope &&
      overage && {
        _claim_names: { groups: "src1" },
        _claim_sources: {
          src1: { endpoint: `https://graph.microsoft.com/v1.0/users/${user.sub}/getMemberObjects` },
        },
      }),
  };
}
