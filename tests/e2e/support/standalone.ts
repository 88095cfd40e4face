import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

/** A complete production configuration (no sandbox), for start-up checks of the standalone server. */
export const productionEnv = (overrides: Record<string, string>) => ({
  PATH: process.env.PATH ?? "",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  HOSTNAME: "127.0.0.1",
  GIFT_DESK_DATA_DIR: path.resolve(".data/e2e-standalone"),
  AUTH_SECRET: "e2e-standalone-auth-secret-0123456789abcdef",
  AUTH_URL: "https://gifts.example.com",
  AUTH_OIDC_ISSUER: "https://idp.example.com",
  AUTH_OIDC_CLIENT_ID: "client",
  AUTH_OIDC_CLIENT_SECRET: "secret",
  AUTH_ALLOWED_DOMAINS: "example.com",
  SENDOSO_BASE_URL: "https://app.sendoso.com",
  SENDOSO_CLIENT_ID: "sid",
  SENDOSO_CLIENT_SECRET: "ssecret",
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
  ...overrides,
});

export type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** `node <file>` in .next/standalone (what the image holds), with exactly `env`; output collected. */
function runNode(file: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, [file], {
    cwd: ".next/standalone",
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The image's entry point, `node server.js`. */
export const startStandalone = (env: Record<string, string>) => runNode("server.js", env);

/** Runs a file of the standalone folder to completion (e.g. the image's migration step). */
export async function runInStandalone(file: string, env: Record<string, string>) {
  const run = runNode(file, env);
  const code = await run.exited;
  return { code, output: run.output() };
}

/** Polls a URL until it answers at all (any status), or the process exits first. */
export async function waitForAnswer(url: string, started: Started, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  started.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline && !exited) {
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} never answered:\n${started.output()}`);
}
