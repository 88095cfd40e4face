// A second "app instance" for the crash tests: records and sends one gift, against a database and a
// simulator given on the command line. With a crash point it prints `at <point>` there and stops
// (forever), so the parent can SIGKILL it exactly at that point of the send path:
//   before_commit  the record transaction did its work but has not committed;
//   after_commit   the row is in_flight, the POST has not started;
//   after_answer   Sendoso answered, the settle has not started.
// Without one, the parent kills it while the POST is in the air (a hanging simulator).

import type { Db } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/client";
import type { SendosoClient } from "@/lib/sendoso/client";
import { submitSend } from "@/lib/sends/send-service";
import { sendGiftSchema } from "@/lib/validation/send";
import { sandboxClient, sendDeps } from "./send-deps";
import { priced } from "./touch-pricing";
import { makeUser } from "./users";

const forever = () => new Promise<never>(() => {});
const stopAt = async (point: string) => {
  console.log(`at ${point}`);
  return forever();
};

function crashingDb(db: Db): Db {
  let first = true;
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "transaction" || !first) return Reflect.get(target, prop, receiver);
      return (work: (tx: unknown) => Promise<unknown>) => {
        first = false;
        return target.transaction(async (tx) => {
          await work(tx);
          return stopAt("before_commit");
        });
      };
    },
  });
}

function crashingClient(client: SendosoClient, point: string): SendosoClient {
  return {
    ...client,
    createSend: async (...args) => {
      if (point === "after_commit") return stopAt(point);
      const outcome = await client.createSend(...args);
      if (point === "after_answer") return stopAt(point);
      return outcome;
    },
  };
}

async function main() {
  const [target, simUrl, email, point = ""] = process.argv.slice(2) as [string, string, string, string?];
  const handle = await openDatabase(
    target.startsWith("postgres") ? { kind: "postgres", url: target } : { kind: "pglite", dir: target },
  );
  const rep = await makeUser(handle.db, "crash-rep", "rep", "a", "Crash Rep");
  const client = crashingClient(sandboxClient({ baseUrl: simUrl }, { timeoutMs: 60_000 }), point);
  const db = point === "before_commit" ? crashingDb(handle.db) : handle.db;
  console.log("sending");
  await submitSend(
    sendDeps(db, client, { settleWaitMs: 60_000 }),
    rep,
    sendGiftSchema.parse({
      idempotencyKey: crypto.randomUUID(),
      touchId: 1001,
      recipientName: "Kim",
      recipientEmail: email,
      sendType: "address_collection",
    }),
    priced("Coffee for two"),
  );
  console.log("done");
}

void main();
