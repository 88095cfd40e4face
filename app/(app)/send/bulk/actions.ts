"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { defineAction } from "@/lib/auth/action";
import { mayControl, visibleBatch } from "@/lib/bulk/batch-scope";
import { controlBatch } from "@/lib/bulk/controls";
import { fixCell, setRowDropped } from "@/lib/bulk/draft-edits";
import { touchPricingFor } from "@/lib/bulk/pricing";
import { startBatch } from "@/lib/bulk/start-batch";
import { runBulkJobs } from "@/lib/bulk/wiring";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { log } from "@/lib/log";
import { SendosoNeedsReconnectError, SendosoNotConnectedError } from "@/lib/sendoso";
import {
  controlBulkSchema,
  dropBulkRowSchema,
  fixBulkCellSchema,
  startBulkSchema,
} from "@/lib/validation/bulk";

const NOT_YOURS = "Only the rep who uploaded this batch can change it.";

/** The batch if the caller may change it in this way; else the reason. */
async function ownBatch(user: Parameters<typeof visibleBatch>[1], batchId: string, what: "edit" | "stop") {
  const db = await getDb();
  const batch = await visibleBatch(db, user, batchId);
  if (!batch) return { db, error: "This batch could not be found." } as const;
  if (!mayControl({ id: user.id, role: user.role }, batch, what)) return { db, error: NOT_YOURS } as const;
  return { db, batch } as const;
}

export const fixBulkCell = defineAction(
  {
    schema: fixBulkCellSchema,
    permission: "send",
    sameOriginOnly: true,
    failureMessage: "The cell could not be saved. Try again.",
  },
  async (user, input) => {
    const found = await ownBatch(user, input.batchId, "edit");
    if ("error" in found) return { saved: false, message: found.error };
    const saved = await fixCell(found.db, input, input.field, input.value);
    revalidatePath(`/send/bulk/${input.batchId}`);
    return {
      saved,
      message: saved ? null : "This batch has already started; its rows can no longer change.",
    };
  },
);

export const setBulkRowDropped = defineAction(
  {
    schema: dropBulkRowSchema,
    permission: "send",
    sameOriginOnly: true,
    failureMessage: "The row could not be changed. Try again.",
  },
  async (user, input) => {
    const found = await ownBatch(user, input.batchId, "edit");
    if ("error" in found) return { saved: false, message: found.error };
    const saved = await setRowDropped(found.db, input, input.dropped);
    revalidatePath(`/send/bulk/${input.batchId}`);
    return {
      saved,
      message: saved ? null : "This batch has already started; its rows can no longer change.",
    };
  },
);

/**
 * Starts the batch: records it and its rows in one transaction (lib/bulk/start-batch.ts) and asks the
 * worker to pick it up after the response. Nothing is sent in this request. A second press, another tab
 * or a resubmitted form finds it already started.
 */
export const startBulkBatch = defineAction(
  {
    schema: startBulkSchema,
    permission: "send",
    sameOriginOnly: true,
    failureMessage: "The batch could not be started. Nothing was sent; reload the page and try again.",
  },
  async (user, input) => {
    const found = await ownBatch(user, input.batchId, "edit");
    if ("error" in found) return { kind: "refused" as const, message: found.error };
    const settings = found.batch.settings;
    if (!settings)
      return { kind: "refused" as const, message: "This batch has no settings; upload it again." };
    let pricing: Awaited<ReturnType<typeof touchPricingFor>>;
    try {
      pricing = await touchPricingFor(found.db, user.id, settings.touchId);
    } catch (error) {
      if (error instanceof SendosoNotConnectedError || error instanceof SendosoNeedsReconnectError) {
        return { kind: "refused" as const, message: error.message };
      }
      throw error;
    }
    const config = getConfig();
    const outcome = await startBatch(found.db, user, input.batchId, pricing, {
      windowDays: config.repeatRecipientWindowDays,
      currency: config.currency,
      teamlessSends: config.teamlessSends,
      teamGroupPrefix: config.auth.teamGroupPrefix,
    });
    if (outcome.kind === "started" || outcome.kind === "already_started") {
      after(() =>
        runBulkJobs().catch((error) => log.error({ err: error, job: "bulk-sends" }, "bulk send job failed")),
      );
    }
    revalidatePath(`/send/bulk/${input.batchId}`);
    switch (outcome.kind) {
      case "started":
        return { kind: "started" as const, rows: outcome.rows, skipped: outcome.skipped };
      case "awaiting_approval":
        return { kind: "awaiting_approval" as const, rows: outcome.rows, message: outcome.message };
      case "already_started":
        return { kind: "already_started" as const };
      case "over_budget":
        return { kind: "refused" as const, message: outcome.message };
      case "nothing_to_send":
        return {
          kind: "refused" as const,
          message: "No row of this batch can be sent. Fix or upload the rows first.",
        };
      case "not_found":
        return { kind: "refused" as const, message: "This batch could not be found." };
    }
  },
);

export const controlBulkBatch = defineAction(
  {
    schema: controlBulkSchema,
    permission: "send",
    sameOriginOnly: true,
    failureMessage: "That did not work. Try again.",
  },
  async (user, input) => {
    const found = await ownBatch(user, input.batchId, "stop");
    if ("error" in found) return { moved: false, message: found.error };
    if (input.control === "resume" && found.batch.senderId !== user.id)
      return { moved: false, message: NOT_YOURS };
    const moved = await controlBatch(found.db, user, input.batchId, input.control);
    if (moved && input.control === "resume") after(() => runBulkJobs().catch(() => {}));
    revalidatePath(`/send/bulk/${input.batchId}`);
    return {
      moved: moved !== null,
      message: moved ? null : "The batch had already moved on; the page shows where it is now.",
    };
  },
);
