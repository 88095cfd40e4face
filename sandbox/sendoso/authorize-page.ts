import { fullName, type SendosoUser } from "./fixtures/users";
import { escapeHtml } from "./http-utils";

export interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string | null;
  codeChallenge: string;
}

const STYLE =
  "body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}" +
  "fieldset{border:1px solid #888;border-radius:.5rem;padding:1rem}label{margin-left:.4rem}" +
  ".option{margin:.5rem 0}button{font-size:1rem;padding:.5rem 1.2rem;margin:1rem .5rem 0 0}" +
  ".badge{background:#fde68a;padding:.1rem .4rem;border-radius:.25rem}";

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${content}
</main>
</body>
</html>
`;
}

/** The approve page: pick a demo Sendoso user, then Authorize or Deny. */
export function renderAuthorizePage(
  appName: string,
  params: AuthorizeParams,
  users: readonly SendosoUser[],
): string {
  const hidden = (name: string, value: string | null) =>
    value === null ? "" : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const options = users
    .filter((u) => u.active)
    .map(
      (u, i) => `<div class="option">
<input type="radio" id="user-${u.id}" name="user_id" value="${u.id}"${i === 0 ? " checked" : ""}>
<label for="user-${u.id}">${escapeHtml(fullName(u))} (${escapeHtml(u.role)}, ${escapeHtml(u.email)})</label>
</div>`,
    )
    .join("\n");
  const scopes = params.scope
    .split(/\s+/)
    .map((s) => `<li>${escapeHtml(s)}</li>`)
    .join("");
  return page(
    `Authorize ${appName} – Sendoso sandbox`,
    `<p><span class="badge">Sandbox</span> This is the local Sendoso simulator, not Sendoso.</p>
<h1>Authorize ${escapeHtml(appName)} to use your Sendoso account?</h1>
<p>${escapeHtml(appName)} is asking for these permissions:</p>
<ul>${scopes}</ul>
<form method="post" action="/oauth/authorize">
${hidden("client_id", params.clientId)}
${hidden("redirect_uri", params.redirectUri)}
${hidden("response_type", "code")}
${hidden("scope", params.scope)}
${hidden("state", params.state)}
${hidden("code_challenge", params.codeChallenge)}
${hidden("code_challenge_method", "S256")}
<fieldset>
<legend>Sign in as a demo Sendoso user</legend>
${options}
</fieldset>
<button type="submit" name="decision" value="approve">Authorize</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

export function renderAuthorizeError(message: string): string {
  return page(
    "Authorization error – Sendoso sandbox",
    `<h1>Authorization error</h1>
<p role="alert">${escapeHtml(message)}</p>`,
  );
}
