import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A fresh, empty PostgreSQL database on the TEST_DATABASE_URL server whose URL can be handed to another
 * process (multi-process tests). Only local servers. tests/support/databases.ts opens handles on it.
 */
export async function createSharedPostgres(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const url = new URL(adminUrl);
  if (!["127.0.0.1", "localhost", "::1"].includes(url.hostname)) {
    throw new Error(`Refusing to create test databases on a non-local server (${url.hostname})`);
  }
  const name = `giftdesk_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * Runs a tests/support script in a second Node process. The script prints "ready" once set up and then
 * waits for "go" on stdin, so both processes start their work at the same moment however slow the
 * second one was to boot; `go()` waits for "ready", sends "go" and resolves with the script's JSON line.
 */
export function startWorker<T>(script: string, job: unknown) {
  const child = spawn("node_modules/.bin/tsx", [script, JSON.stringify(job)], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.on("data", (chunk) => {
    out += chunk;
    if (/^ready$/m.test(out)) markReady();
  });
  child.stderr.on("data", (chunk) => {
    err += chunk;
  });
  const result = new Promise<T>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      markReady();
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0) return reject(new Error(`${script} exited with ${code}: ${err || out}`));
      try {
        resolve(JSON.parse(line) as T);
      } catch {
        reject(new Error(`${script} printed no result: ${out} ${err}`));
      }
    });
  });
  return {
    ready,
    result,
    go() {
      child.stdin.write("go\n");
      child.stdin.end();
    },
  };
}
