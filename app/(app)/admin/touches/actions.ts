"use server";

import { revalidatePath } from "next/cache";
import type { SettingsOutcome } from "@/components/spend/settings-outcome";
import { defineAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { listTouchesForAdmin } from "@/lib/sendoso";
import type { SettingsResult } from "@/lib/spend/settings-types";
import { type ListedTouch, removeTouchImage, saveTouchCard, saveTouchImage } from "@/lib/touches/cards-store";
import { touchIdSchema } from "@/lib/validation/spend";
import { touchCardSchema, touchImageSchema } from "@/lib/validation/touch-cards";

const FAILED = "Gift Desk could not save this. Nothing was changed; try again in a minute.";
const options = { permission: "manage_touch_cards", sameOriginOnly: true, failureMessage: FAILED } as const;

/** The touch as the admin's Sendoso (else the shared connection) lists it now; null if it does not. */
async function listedTouch(userId: string, touchId: number): Promise<ListedTouch> {
  const touches = await listTouchesForAdmin(userId);
  const touch = touches.find((t) => t.id === touchId);
  return touch ? { name: touch.name, kind: touch.delivery_type === "email" ? "egift" : "physical" } : null;
}

/** What the form needs back: the status and field errors, never the stored row. */
function settled(result: SettingsResult<unknown>): SettingsOutcome {
  if (result.status === "saved" || result.status === "deleted") {
    revalidatePath("/admin/touches");
    revalidatePath("/send");
  }
  return result.status === "invalid"
    ? { status: "invalid", fieldErrors: result.fieldErrors }
    : { status: result.status };
}

export const saveTouchCardAction = defineAction(
  { schema: touchCardSchema, ...options },
  async (user, values) =>
    settled(await saveTouchCard(await getDb(), user, values, await listedTouch(user.id, values.touchId))),
);

/** Multipart (the picture); next.config.js lets server actions take 2 MB so a 1 MB picture fits. */
export const uploadTouchImageAction = defineAction(
  { schema: touchImageSchema, ...options },
  async (user, { touchId, image }) => {
    const bytes = new Uint8Array(await image.arrayBuffer());
    return settled(
      await saveTouchImage(await getDb(), user, touchId, bytes, await listedTouch(user.id, touchId)),
    );
  },
);

export const removeTouchImageAction = defineAction(
  { schema: touchIdSchema, ...options },
  async (user, { touchId }) => settled(await removeTouchImage(await getDb(), user, touchId)),
);
