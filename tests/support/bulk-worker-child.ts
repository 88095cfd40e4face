// A second "app instance" for the bulk crash test: works one batch against the database and simulator
// given on the command line, until the parent kills it with SIGKILL somewhere in the middle.

import { runBatch } from "@/lib/bulk/worker";
import { openDatabase } from "@/lib/db/client";
import { bulkWorkerDeps } from "./bulk";
import { sandboxClient } from "./send-deps";
import { makeUser } from "./users";

async function main() {
  const [target, simUrl, batchId] = process.argv.slice(2) as [string, string, string];
  const handle = await openDatabase(
    target.startsWith("postgres") ? { kind: "postgres", url: target } : { kind: "pglite", dir: target },
  );
  const rep = await makeUser(handle.db, "bulk-crash", "rep", "crash");
  console.log("working");
  // A short lease, so the parent can take over soon after the kill.
  const run = await runBatch(
    bulkWorkerDeps(handle.db, rep, sandboxClient({ baseUrl: simUrl }, { timeoutMs: 60_000 }), {
      concurrency: 3,
      leaseMs: 10_000,
    }),
    batchId,
  );
  // Only reached if the batch ended before the kill (the parent then fails with this on screen).
  console.log("bulk child finished", JSON.stringify(run));
}

main().catch((error) => {
  console.error("bulk child failed", error);
  process.exit(1);
});
