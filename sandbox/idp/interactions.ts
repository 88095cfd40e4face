/**
 * The dev IdP's own login UI at `<issuerPath>/interaction/:uid` (devInteractions are disabled):
 * GET shows the form, POST …/login checks the demo credentials, POST|GET …/abort cancels with access_denied.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { errors } from "oidc-provider";
import type { AccountStore } from "./accounts";
import { readForm, sendHtml } from "./http";
import { loginPage, messagePage } from "./views";

export interface InteractionDeps {
  provider: Provider;
  accounts: AccountStore;
  issuerPath: string;
  rememberLogin: boolean;
}

const ROUTE = /^\/interaction\/([\w-]+)(?:\/(login|abort))?\/?$/;

/** Handles the request if `path` (already stripped of issuerPath) is an interaction route; returns false otherwise. */
export async function handleInteraction(
  deps: InteractionDeps,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const match = ROUTE.exec(path);
  if (!match) return false;
  const [, uid, action] = match;
  try {
    await dispatch(deps, uid ?? "", action, req, res);
  } catch (err) {
    if (err instanceof errors.SessionNotFound || err instanceof errors.InvalidRequest) {
      sendHtml(
        res,
        400,
        messagePage(
          "Sign-in expired",
          "This sign-in attempt has expired or was already completed. Go back to Gift Desk and sign in again.",
        ),
      );
      return true;
    }
    throw err;
  }
  return true;
}

async function dispatch(
  deps: InteractionDeps,
  uid: string,
  action: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { provider, accounts } = deps;
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new errors.SessionNotFound("interaction uid mismatch");
  const method = req.method ?? "GET";
  const base = `${deps.issuerPath}/interaction/${uid}`;
  const client = await provider.Client.find(String(details.params.client_id ?? ""));
  const render = (status: number, email?: string, error?: string) =>
    sendHtml(
      res,
      status,
      loginPage({
        action: `${base}/login`,
        cancelAction: `${base}/abort`,
        clientName: client?.clientName ?? String(details.params.client_id ?? "unknown client"),
        users: accounts.list(),
        email,
        error,
      }),
    );

  if (action === "abort") {
    const result = { error: "access_denied", error_description: "End-User cancelled the sign-in" };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    return;
  }

  if (action === "login") {
    if (method !== "POST") return render(405);
    const form = await readForm(req);
    const email = form.get("email") ?? "";
    const user = accounts.authenticate(email, form.get("password") ?? "");
    if (!user) return render(200, email, "Wrong email or password");
    const login = { accountId: user.sub, remember: deps.rememberLogin };
    await provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
    return;
  }

  if (details.prompt.name === "login") {
    const hint = details.params.login_hint;
    return render(200, typeof hint === "string" ? hint : undefined);
  }

  // Consent is normally pre-granted by loadExistingGrant; this covers anything it left out
  // (e.g. claims requested through the `claims` parameter) so the first-party client never sees a consent page.
  await autoConsent(provider, details, req, res);
}

async function autoConsent(
  provider: Provider,
  details: Awaited<ReturnType<Provider["interactionDetails"]>>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const accountId = details.session?.accountId;
  const clientId = String(details.params.client_id ?? "");
  const grant =
    (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
    new provider.Grant({ accountId, clientId });
  const missing = details.prompt.details;
  if (Array.isArray(missing.missingOIDCScope)) grant.addOIDCScope(missing.missingOIDCScope.map(String));
  if (Array.isArray(missing.missingOIDCClaims)) grant.addOIDCClaims(missing.missingOIDCClaims.map(String));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}
