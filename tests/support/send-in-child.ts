// A second "app instance" for the crash test: records and sends one gift, against a database and a
// simulator given on the command line. The parent kills it with SIGKILL while the call is in the air.

import { upsertUserFromIdentity } from "@/lib/auth/users";
import { openDatabase } from "@/lib/db/client";
import { submitSend } from "@/lib/sends/send-service";
import { sendGiftSchema } from "@/lib/validation/send";
import { sandboxClient, sendDeps } from "./send-deps";
import { priced } from "./touch-pricing";

async function main() {
  const [target, simUrl, email] = process.argv.slice(2) as [string, string, string];
  const handle = await openDatabase(
    target.startsWith("postgres") ? { kind: "postgres", url: target } : { kind: "pglite", dir: target },
  );
  const rep = await upsertUserFromIdentity(handle.db, {
    issuer: "http://idp.test",
    subject: "crash-rep",
    email: "crash@giftdesk.test",
    name: "Crash Rep",
    role: "rep",
    team: "a",
  });
  console.log("sending");
  await submitSend(
    sendDeps(handle.db, sandboxClient({ baseUrl: simUrl }, { timeoutMs: 60_000 }), { settleWaitMs: 60_000 }),
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
}

void main();
