import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { CookieBrowser, formPost } from "./browser";

/**
 * Gift Desk as production runs it (`next start`), on its own ports and data folder, from a private copy
 * of the existing `.next` build: others may rebuild the shared one while the bench runs.
 */
const ROOT = process.cwd();

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway app folder: a copy of .next, links to everything else the server reads at run time. */
export function snapshotBuild(): string {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID")))
    throw new Error("No .next build to start (run next build first)");
  const dir = mkdtempSync(path.join(tmpdir(), "giftdesk-bench-"));
  cpSync(path.join(ROOT, ".next"), path.join(dir, ".next"), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) =>
      !src.startsWith(path.join(ROOT, ".next/cache")) && !src.startsWith(path.join(ROOT, ".next/dev")),
  });
  for (const name of ["node_modules", "lib", "public"])
    symlinkSync(path.join(ROOT, name), path.join(dir, name));
  for (const name of ["package.json", "next.config.js"])
    copyFileSync(path.join(ROOT, name), path.join(dir, name));
  return dir;
}

/** `localhost`, as AUTH_URL in dev and e2e: Next reports that host to Auth.js whatever the request said. */
export const appUrl = (port: number) => `http://localhost:${port}`;

export type RunningApp = {
  url: string;
  stop(): Promise<void>;
  /** SIGKILL, as a crashed or evicted instance: no cleanup, calls in progress cut off. */
  kill(): void;
  actionId(name: string): string;
};

/** `port` is chosen by the caller: the IdP and the simulator must know the app's redirect URIs first. */
export async function startApp(
  buildDir: string,
  env: {
    port: number;
    idpUrl: string;
    sendosoUrl: string;
    databaseUrl?: string;
    /** Overrides (bench/instances: shared secrets and the real limits across instances). */
    extra?: Record<string, string>;
  },
): Promise<RunningApp> {
  const { port } = env;
  const url = appUrl(port);
  const dataDir = mkdtempSync(path.join(tmpdir(), "giftdesk-bench-data-"));
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    {
      cwd: buildDir,
      stdio: ["ignore", "ignore", "pipe"],
      env: withoutUnset({
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        GIFT_DESK_DEMO: "1",
        GIFT_DESK_DATA_DIR: dataDir,
        AUTH_URL: url,
        SANDBOX_IDP_URL: env.idpUrl,
        SANDBOX_SENDOSO_URL: env.sendosoUrl,
        SENDOSO_TIMEOUT_MS: "5000",
        // The bench measures latency, not throttling: neither limit may make a sample wait.
        SEND_RATE_LIMIT_PER_MINUTE: "1000",
        SENDOSO_RATE_LIMIT_PER_SECOND: "1000",
        // Unset: the embedded database (PGlite) in the data folder.
        DATABASE_URL: env.databaseUrl,
        ...env.extra,
      }),
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${stderr}`);
    const ok = await fetch(`${url}/signin`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 600) {
      await stop();
      throw new Error(`next start did not come up: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const manifest = JSON.parse(
    readFileSync(path.join(buildDir, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string }> };
  const actionId = (name: string) => {
    const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
    if (!entry) throw new Error(`No server action ${name} in this build`);
    return entry[0];
  };
  return { url, stop, actionId, kill: () => child.kill("SIGKILL") };
}

function withoutUnset(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
}

/** Calls a server action the way the browser's runtime does: POST to the page with Next-Action. */
export function callAction(
  browser: CookieBrowser,
  app: RunningApp,
  page: string,
  name: string,
  args: unknown[],
) {
  return browser.fetch(
    `${app.url}${page}`,
    {
      method: "POST",
      headers: {
        "Next-Action": app.actionId(name),
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: app.url,
      },
      body: JSON.stringify(args),
    },
    false,
  );
}

/** The real OIDC round trip (app → dev IdP login form → callback), as a rep's browser makes it. */
export async function signIn(app: RunningApp, email: string, password: string): Promise<CookieBrowser> {
  const browser = new CookieBrowser();
  const csrf = await browser.fetch(`${app.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.response.json()) as { csrfToken: string };
  const login = await browser.fetch(
    `${app.url}/api/auth/signin/oidc`,
    formPost({ csrfToken, callbackUrl: `${app.url}/send` }),
  );
  const html = await login.response.text();
  const action = /<form method="post" action="([^"]+)" id="login-form">/.exec(html)?.[1];
  if (!action) throw new Error(`No IdP login form at ${login.url}`);
  const done = await browser.fetch(
    new URL(action.replaceAll("&amp;", "&"), login.url),
    formPost({ email, password }),
  );
  await done.response.arrayBuffer();
  if (!browser.has(app.url, "authjs.session-token"))
    throw new Error(`Sign-in ended at ${done.url} without a session`);
  return browser;
}

/**
 * Connects the signed-in user's own Sendoso account: the settings action hands out the authorize URL
 * with our signed state; the simulator's code shortcut stands in for the consent click.
 */
export async function connectSendoso(browser: CookieBrowser, app: RunningApp, sendosoUrl: string) {
  const started = await callAction(browser, app, "/settings", "connectSendoso", [{ purpose: "own" }]);
  const target = started.response.headers.get("x-action-redirect")?.split(";")[0];
  const state = target && new URL(target).searchParams.get("state");
  if (!state) throw new Error(`connectSendoso did not redirect to Sendoso (${started.response.status})`);
  const redirectUri = `${app.url}/api/sendoso/oauth/callback`;
  const issued = await fetch(`${sendosoUrl}/__sandbox/oauth/codes`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user_id: 1, redirect_uri: redirectUri }),
  });
  const { code } = (await issued.json()) as { code: string };
  const back = await browser.fetch(`${redirectUri}?${new URLSearchParams({ code, state })}`);
  if (!back.url.search.includes("sendoso=connected")) throw new Error(`Sendoso connect ended at ${back.url}`);
}
