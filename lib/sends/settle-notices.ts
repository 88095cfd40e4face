import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";

/**
 * Runs a notice in a savepoint beside a state change: if it fails, only the notice is lost (logged),
 * never the change it accompanies. Inbox rows and email outbox rows commit with the change; emails go
 * out afterwards from the outbox.
 */
export async function besideTheMove(tx: Db, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await tx.transaction(async () => {
      await work();
    });
  } catch (error) {
    log.error({ err: error }, `${what} could not be recorded; the state change stands`);
  }
}
