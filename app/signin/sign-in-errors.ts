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
        body: "Verify your email address with your identity provider, then try again.",
      };
    case "MissingEmail":
      return {
        title: "No email from your identity provider",
        body: "Your account did not share an email address. Ask IT to release the email claim to Gift Desk.",
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
