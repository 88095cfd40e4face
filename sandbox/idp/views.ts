/** HTML for the dev IdP's own pages: sign-in form, error page, sign-out pages. No scripts, no external assets. */
import { DEMO_PASSWORD, type DemoUser } from "./accounts";

export function escapeHtml(value: unknown): string {
  return String(value).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

// Colours chosen for >= 4.5:1 contrast on their backgrounds.
const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#f3f4f6}
main{max-width:40rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid #d1d5db;border-radius:8px}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
p.sub{margin:0 0 1rem;color:#4b5563}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input{width:100%;padding:.5rem;font:inherit;color:#111827;border:1px solid #6b7280;border-radius:4px}
input:focus,button:focus,a:focus{outline:3px solid #2563eb;outline-offset:2px}
.actions{display:flex;gap:.75rem;margin-top:1rem;align-items:center}
button{font:inherit;font-weight:600;padding:.5rem 1rem;border-radius:4px;cursor:pointer}
.primary{background:#1d4ed8;color:#fff;border:1px solid #1d4ed8}
.secondary{background:#fff;color:#1d4ed8;border:1px solid #1d4ed8}
a{color:#1d4ed8}
.alert{margin:1rem 0;padding:.75rem 1rem;background:#fef2f2;color:#991b1b;border:1px solid #fca5a5;border-radius:4px}
table{width:100%;border-collapse:collapse;font-size:.875rem}
caption{text-align:left;color:#4b5563;padding-bottom:.25rem}
th,td{text-align:left;padding:.375rem .5rem;border-bottom:1px solid #e5e7eb;vertical-align:top}
code{font-size:.95em}
`;

export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  /** URL path the credentials are POSTed to. */
  action: string;
  /** URL path that aborts the sign-in (POST). */
  cancelAction: string;
  clientName: string;
  users: readonly DemoUser[];
  email?: string;
  error?: string;
}

export function loginPage(input: LoginPageInput): string {
  const rows = input.users
    .map(
      (u) =>
        `<tr><td><code>${escapeHtml(u.email)}</code></td><td>${escapeHtml(u.name)}</td>` +
        `<td>${escapeHtml(u.groups.join(", ") || "none")}</td>` +
        `<td>${u.emailVerified ? "yes" : "no"}</td></tr>`,
    )
    .join("\n");
  const error = input.error
    ? `<div class="alert" role="alert" data-testid="idp-error">${escapeHtml(input.error)}</div>`
    : "";
  return page(
    "Gift Desk dev sign-in",
    `<h1>Gift Desk dev sign-in</h1>
<p class="sub">Development identity provider for <strong>${escapeHtml(input.clientName)}</strong>. Not for production use.</p>
${error}
<form method="post" action="${escapeHtml(input.action)}" id="login-form">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus value="${escapeHtml(input.email ?? "")}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
</form>
<div class="actions">
<button type="submit" form="login-form" class="primary">Sign in</button>
<form method="post" action="${escapeHtml(input.cancelAction)}"><button type="submit" class="secondary">Cancel</button></form>
</div>
<h2>Demo logins</h2>
<p>The password for every demo login is <code>${DEMO_PASSWORD}</code>.</p>
<table>
<caption>Demo users (password <code>${DEMO_PASSWORD}</code>)</caption>
<thead><tr><th scope="col">Email</th><th scope="col">Name</th><th scope="col">Groups</th><th scope="col">Email verified</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
  );
}

export function messagePage(title: string, message: string, details: Record<string, unknown> = {}): string {
  const list = Object.entries(details)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd><code>${escapeHtml(value)}</code></dd>`)
    .join("");
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${list ? `<dl>${list}</dl>` : ""}`,
  );
}

/** oidc-provider's RP-initiated logout confirmation; `form` is the provider's hidden form (id op.logoutForm). */
export function logoutPage(form: string, host: string): string {
  return page(
    "Sign out of the Gift Desk dev IdP",
    `<h1>Sign out?</h1><p>Do you want to sign out of the dev IdP at ${escapeHtml(host)}?</p>${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes" class="primary">Yes, sign me out</button>
<button type="submit" form="op.logoutForm" class="secondary">No, stay signed in</button>
</div>`,
  );
}

export function logoutSuccessPage(): string {
  return messagePage("Signed out", "You have been signed out of the Gift Desk dev IdP.");
}
