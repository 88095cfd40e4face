"use server";

import { revalidatePath } from "next/cache";
import type { SettingsOutcome } from "@/components/spend/settings-outcome";
import { defineAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { deleteTemplate, saveTemplate } from "@/lib/messages/templates";
import type { SettingsResult } from "@/lib/spend/settings-types";
import { messageTemplateIdSchema, messageTemplateSchema } from "@/lib/validation/messages";

// Anyone who may send may keep their own saved messages; team messages are checked per team inside.
const options = {
  permission: "send",
  sameOriginOnly: true,
  failureMessage: "Gift Desk could not save this message. Nothing was changed; try again in a minute.",
} as const;

function settled(result: SettingsResult<unknown>): SettingsOutcome {
  if (result.status === "saved" || result.status === "deleted") {
    revalidatePath("/settings");
    revalidatePath("/send");
  }
  return result.status === "invalid"
    ? { status: "invalid", fieldErrors: result.fieldErrors }
    : { status: result.status };
}

export const saveMessageTemplateAction = defineAction(
  { schema: messageTemplateSchema, ...options },
  async (user, values) => settled(await saveTemplate(await getDb(), user, values)),
);

export const deleteMessageTemplateAction = defineAction(
  { schema: messageTemplateIdSchema, ...options },
  async (user, { id }) => settled(await deleteTemplate(await getDb(), user, id)),
);
