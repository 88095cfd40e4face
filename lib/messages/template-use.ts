import "server-only";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { templateForSending } from "./templates";

/**
 * The send action's check of a saved message: the rep may use it, and a locked team message goes out
 * exactly as written (variables are filled in later, by the send path). The form already makes a locked
 * message read-only; this is the guard for a request that did not come through the form as rendered.
 * Returns why the send is refused, or null.
 */
export async function templateUseRefusal(
  db: Db,
  user: Pick<User, "id" | "role" | "team">,
  values: { messageTemplateId?: string; customMessage: string },
): Promise<string | null> {
  if (!values.messageTemplateId) return null;
  const template = await templateForSending(db, user, values.messageTemplateId);
  if (!template) return "That saved message is no longer available. Choose another or write your own.";
  if (template.locked && values.customMessage.trim() !== template.body.trim()) {
    return `“${template.name}” is a locked team message: it is sent exactly as your manager wrote it. Nothing was sent.`;
  }
  return null;
}
