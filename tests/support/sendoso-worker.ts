// A second app instance for multi-process tests: opens the same PostgreSQL database and drives the
// Sendoso client against the same simulator. Usage: tsx tests/support/sendoso-worker.ts '<json>'.
// Prints "ready", waits for "go" on stdin, then prints one JSON line with what it did.
import { openDatabase } from "@/lib/db/client";
import { createRateLimiter } from "@/lib/rate-limit";
import { createSendosoClient } from "@/lib/sendoso/client";
import { openConnectionFor } from "@/lib/sendoso/connect";
import { testConnectDeps } from "./sendoso-connection";

type Job =
  | {
      mode: "refresh";
      databaseUrl: string;
      simUrl: string;
      tokenKey: string;
      userId: string;
      calls: number;
    }
  | {
      mode: "rate-limit";
      databaseUrl: string;
      simUrl: string;
      limiterKey: string;
      limit: number;
      callers: number;
      callsPerCaller: number;
    };

const job = JSON.parse(process.argv[2] as string) as Job;
/** Says "ready", then waits for the test's "go" on stdin, so both processes start together. */
function readyThenGo(): Promise<void> {
  console.log("ready");
  return new Promise((resolve) => {
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk) => {
      if (String(chunk).includes("go")) resolve();
    });
  });
}

async function main() {
  const handle = await openDatabase({ kind: "postgres", url: job.databaseUrl });
  try {
    if (job.mode === "refresh") {
      const deps = testConnectDeps(handle.db, { baseUrl: job.simUrl }, { key: job.tokenKey });
      await readyThenGo();
      // Each call is its own "request": it reads the connection row and builds its own client.
      const results = await Promise.allSettled(
        Array.from({ length: job.calls }, async () => {
          const { tokens } = await openConnectionFor(deps, job.userId);
          return createSendosoClient({ baseUrl: job.simUrl, timeoutMs: 5_000, tokens }).me();
        }),
      );
      const errors = results.filter((r) => r.status === "rejected").map((r) => String(r.reason));
      console.log(JSON.stringify({ ok: results.length - errors.length, errors }));
      return;
    }
    const limiter = createRateLimiter({
      db: handle.db,
      key: job.limiterKey,
      limit: job.limit,
      windowMs: 1_000,
      maxWaitMs: 20_000,
    });
    const client = createSendosoClient({
      baseUrl: job.simUrl,
      timeoutMs: 5_000,
      getAccessToken: async () => "sandbox-token",
      limiter,
    });
    await readyThenGo();
    const errors: string[] = [];
    await Promise.all(
      Array.from({ length: job.callers }, async () => {
        for (let i = 0; i < job.callsPerCaller; i++)
          await client.getTouch(1001).catch((e) => errors.push(String(e)));
      }),
    );
    await limiter.dispose();
    console.log(JSON.stringify({ ok: job.callers * job.callsPerCaller - errors.length, errors }));
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
