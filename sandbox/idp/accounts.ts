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
}

type Seed = Omit<DemoUser, "givenName" | "familyName" | "emailVerified"> & { emailVerified?: boolean };

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
];

function fromSeed(seed: Seed): DemoUser {
  const [givenName = seed.name, ...rest] = seed.name.split(" ");
  return {
    ...seed,
    emailVerified: seed.emailVerified ?? true,
    givenName,
    familyName: rest.join(" "),
    groups: [...seed.groups],
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
  /** Restores every user to its default groups. */
  reset(): void;
}

export function createAccountStore(): AccountStore {
  let users = SEED.map(fromSeed);
  const copy = (user: DemoUser | undefined): DemoUser | undefined =>
    user ? { ...user, groups: [...user.groups] } : undefined;
  const byEmail = (email: string) => users.find((u) => u.email === email.trim().toLowerCase());

  return {
    list: () => users.map((u) => ({ ...u, groups: [...u.groups] })),
    findByEmail: (email) => copy(byEmail(email)),
    findBySub: (sub) => copy(users.find((u) => u.sub === sub)),
    authenticate: (email, password) => (password === DEMO_PASSWORD ? copy(byEmail(email)) : undefined),
    setGroups(email, groups) {
      const user = byEmail(email);
      if (!user) return undefined;
      user.groups = [...groups];
      return copy(user);
    },
    reset() {
      users = SEED.map(fromSeed);
    },
  };
}

/** The OIDC claims of a user for the given space-separated scope. */
export function claimsFor(user: DemoUser, scope: string): Record<string, unknown> & { sub: string } {
  const scopes = new Set(scope.split(" "));
  return {
    sub: user.sub,
    ...(scopes.has("email") && { email: user.email, email_verified: user.emailVerified }),
    ...(scopes.has("profile") && {
      name: user.name,
      given_name: user.givenName,
      family_name: user.familyName,
    }),
    // The app reads groups with the default scope "openid email profile", so "profile" carries them too.
    ...((scopes.has("profile") || scopes.has("groups")) && { groups: [...user.groups] }),
  };
}
