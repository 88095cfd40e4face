/** What went wrong at sign-in, in words a rep (and the IT admin they forward it to) can act on. */
export function signInErrorMessage(
  code: string | undefined,
  issuer: string,
): { title: string; body: string } | null {
  switch (code) {
    case undefined:
      return null;
    case "DomainNotAllowed":
      return {
        title: "This email domain is not allowed",
        body: "Gift Desk is only open to company accounts. Sign in with your work email, or ask IT to add your domain.",
      };
    case "EmailNotVerified":
      return {
        title: "Your email is not verified",
        body:
          "Your identity provider did not confirm that this email address is verified. Verify it there and try " +
          "again; IT can see docs/sso.md (AUTH_TRUST_UNVERIFIED_EMAIL for IdPs that never send the claim).",
      };
    case "MissingEmail":
      return {
        title: "No email from your identity provider",
        body: "Your account did not share an email address. Ask IT to release the email claim to Gift Desk.",
      };
    case "GroupsOverage":
      return {
        title: "Your groups did not fit in the sign-in token",
        body:
          "Your identity provider sent a pointer to your groups instead of the groups themselves (Entra ID does this " +
          "above 200 groups), so Gift Desk cannot tell your role or team. IT: in the Entra app registration, set " +
          'Token configuration → groups claim to "Groups assigned to the application" and assign the Gift Desk ' +
          "groups, or use app roles instead (see docs/sso.md).",
      };
    case "Suspended":
      return {
        title: "Your Gift Desk access is suspended",
        body: "A Gift Desk admin has suspended your account. Ask them, or IT, if you think this is a mistake.",
      };
    case "SessionEnded":
      return {
        title: "Your session has ended",
        body: "You signed out, or an admin signed you out everywhere. Sign in again to continue.",
      };
    case "TooManyAttempts":
      return { title: "Too many sign-in attempts", body: "Wait a minute, then sign in again." };
    case "Configuration":
      return {
        title: "We could not reach the sign-in service",
        body: `Gift Desk could not talk to ${issuer}. Try again in a minute, or tell IT.`,
      };
    case "AccessDenied":
    case "OAuthCallbackError":
    case "CallbackRouteError":
      return { title: "Sign-in was cancelled", body: "You can sign in again whenever you are ready." };
    default:
      return { title: "Sign-in did not complete", body: "Please try again. If it keeps failing, tell IT." };
  }
}
