import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../send-path/app-server";

/**
 * The yardstick: a blank Next.js App Router page (a root layout and a page rendering one word), built
 * and started with this checkout's Next. It lives in its own folder outside the checkout (Turbopack
 * would otherwise take the checkout for its workspace and compile its proxy.ts), with a hard-linked
 * copy of node_modules: the same packages, no extra disk, and no symlink Turbopack refuses.
 */
const ROOT = process.cwd();
const DIR = path.join(tmpdir(), "giftdesk-js-weight-blank");

function writeBlankApp() {
  mkdirSync(path.join(DIR, "app"), { recursive: true });
  writeFileSync(
    path.join(DIR, "app/layout.tsx"),
    "export default function RootLayout({ children }: { children: React.ReactNode }) {\n" +
      '  return <html lang="en"><body>{children}</body></html>;\n}\n',
  );
  writeFileSync(
    path.join(DIR, "app/page.tsx"),
    "export default function Page() {\n  return <p>Blank</p>;\n}\n",
  );
  writeFileSync(path.join(DIR, "next.config.js"), "module.exports = {};\n");
  writeFileSync(path.join(DIR, "package.json"), '{ "name": "blank", "private": true }\n');
  const linked = spawnSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(DIR, "node_modules")]);
  if (linked.status !== 0) throw new Error(`could not link node_modules: ${linked.stderr}`);
  writeFileSync(
    path.join(DIR, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        jsx: "preserve",
        strict: true,
        module: "esnext",
        moduleResolution: "bundler",
        skipLibCheck: true,
        noEmit: true,
        esModuleInterop: true,
        allowJs: true,
        isolatedModules: true,
        lib: ["dom", "esnext"],
        incremental: true,
        resolveJsonModule: true,
        plugins: [{ name: "next" }],
      },
      include: ["**/*.ts", "**/*.tsx"],
    }),
  );
}

/** Builds it once (kept in .data/js-weight-blank), starts it, and returns its URL and a stop. */
export async function startBlankApp(): Promise<{ url: string; stop(): void }> {
  const next = path.join(DIR, "node_modules/next/dist/bin/next");
  if (!existsSync(path.join(DIR, ".next/BUILD_ID"))) {
    rmSync(DIR, { recursive: true, force: true });
    writeBlankApp();
    const built = spawnSync(process.execPath, [next, "build"], {
      cwd: DIR,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (built.status !== 0) throw new Error("the blank Next app did not build");
  }
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [next, "start", "-p", String(port)], {
    cwd: DIR,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const url = `http://localhost:${port}/`;
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop: () => child.kill("SIGTERM") };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("the blank Next app did not start");
}
