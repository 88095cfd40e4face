import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { sends, type User } from "@/lib/db/schema";
import { submitSend } from "@/lib/sends/send-service";
import { sendGiftSchema } from "@/lib/validation/send";
import { backends } from "../support/databases";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

/**
 * Statuses a proxy or a misrouted request can produce after Sendoso processed the POST. The transport
 * never follows redirects, so a 303 is an answer too. None of them says "not sent": each is unknown.
 */
describe.each(backends)("ambiguous statuses on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    rep = await makeUser(database.db, "ambiguous", "rep", "a");
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(() => sim.resetLog());

  it.each([303, 408, 409])(
    "%i after Sendoso created the send: unknown, one POST, never failed",
    async (status) => {
      // error_after runs the real handler (the gift exists upstream), then answers `status`.
      await sim.injectFault({
        type: "error_after",
        status,
        body: '{"success":false}',
        contentType: "application/json",
      });
      const values = sendGiftSchema.parse({
        sendType: "address_collection",
        idempotencyKey: crypto.randomUUID(),
        touchId: 1001,
        recipientName: "Amb",
        recipientEmail: `amb.${status}.${Date.now()}@example.com`,
      });
      const result = await submitSend(
        sendDeps(database.db, sandboxClient(sim)),
        rep,
        values,
        priced("Coffee"),
      );
      expect(result.status).toBe("unknown");
      expect(await sim.sendPosts()).toHaveLength(1);
      const [row] = await database.db
        .select()
        .from(sends)
        .where(eq(sends.recipientEmail, values.recipientEmail));
      expect(row?.state).toBe("unknown");
    },
  );
});
