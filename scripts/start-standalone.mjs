// Runs the app the way the container image does: `.next/standalone/server.js` with only its traced
// files, after `next build`. Used by the e2e suite (playwright.config.ts), so every browser test proves
// the standalone output works, not just `next start` on a full checkout.
// Usage: node scripts/start-standalone.mjs [port]   (listens on 127.0.0.1: a local test launcher)
import { spawn } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const standalone = path.join(root, ".next/standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error(
    "No .next/standalone/server.js: run `next build` first (next.config.js has output: standalone).",
  );
  process.exit(1);
}
// server.js serves these only from inside the standalone folder (the Dockerfile copies them the same way).
cpSync(path.join(root, ".next/static"), path.join(standalone, ".next/static"), { recursive: true });
if (existsSync(path.join(root, "public")))
  cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });

// server.js changes into its own folder, so a relative data folder would land inside the build output.
const env = { ...process.env, PORT: process.argv[2] ?? process.env.PORT ?? "3000" };
// Not the shell's HOSTNAME (the machine's name), which server.js would otherwise bind to.
env.HOSTNAME = "127.0.0.1";
if (env.GIFT_DESK_DATA_DIR) env.GIFT_DESK_DATA_DIR = path.resolve(root, env.GIFT_DESK_DATA_DIR);

const server = spawn(process.execPath, [path.join(standalone, "server.js")], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
