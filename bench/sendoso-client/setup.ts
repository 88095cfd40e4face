import { type ChildProcess, spawn } from "node:child_process";
import { type DatabaseHandle, openDatabase } from "@/lib/db/client";
import type { ConnectDeps } from "@/lib/sendoso/connect";
import { openFreshPostgres } from "../../tests/support/databases";
import { connectThroughOAuth, testConnectDeps } from "../../tests/support/sendoso-connection";
import { simulatorAt } from "../../tests/support/simulator";
import { makeUser } from "../../tests/support/users";

export async function startSimulatorProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn("node_modules/.bin/tsx", ["bench/sendoso-client/simulator-process.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      const match = /http:\/\/\S+/.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    child.once("exit", (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return { url, child };
}

/** PGlite in memory, or a throwaway database on a local PostgreSQL server (the tests' setup, dropped afterwards). */
export function openBenchDatabase(adminUrl?: string): Promise<DatabaseHandle> {
  return adminUrl ? openFreshPostgres(adminUrl) : openDatabase({ kind: "pglite" });
}

/** A rep with a Sendoso connection made through the real OAuth callback path (the tests' helpers). */
export async function connectRep(
  handle: DatabaseHandle,
  simUrl: string,
): Promise<{ deps: ConnectDeps; userId: string }> {
  const deps = testConnectDeps(handle.db, { baseUrl: simUrl }, { timeoutMs: 5_000 });
  const rep = await makeUser(handle.db, "bench-rep", "rep", "a", "Bench Rep");
  await connectThroughOAuth(deps, simulatorAt(simUrl), rep, { sendosoUserId: 2 });
  return { deps, userId: rep.id };
}
