import { randomBytes } from "node:crypto";
import type { SignInProfile, SignInRules } from "@/lib/auth/sign-in";

/** The sign-in rules the integration tests start from (issuer, domains, groups as in the dev IdP). */
export const testSignInRules = (patch: Partial<SignInRules> = {}): SignInRules => ({
  issuer: "http://idp.test",
  allowedDomains: ["giftdesk.test"],
  groupsClaim: "groups",
  rolesClaim: "roles",
  trustUnverifiedEmail: false,
  roleSource: "idp",
  bootstrapAdmins: [],
  managerGroups: ["gift-desk-managers"],
  adminGroups: ["gift-desk-admins"],
  teamGroupPrefix: "team-",
  signInsPerMinute: 10,
  ...patch,
});

/** A subject no other test uses. */
export const freshSubject = () => randomBytes(4).toString("hex");

/** A verified giftdesk.test profile in team a for `sub`, with `patch` on top. */
export const testProfile = (sub: string, patch: Partial<SignInProfile> = {}): SignInProfile => ({
  sub,
  email: `${sub}@giftdesk.test`,
  email_verified: true,
  name: `User ${sub}`,
  groups: ["team-a"],
  ...patch,
});
