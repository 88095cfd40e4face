import { z } from "zod";

export const RESOLVE_REASON_MAX = 500;

/** "Mark not sent" on an unknown send: shared by the dialog (client) and the action (server). */
export const markNotSentSchema = z.object({
  sendId: z.uuid("This send could not be found"),
  reason: z
    .string({ error: "Say how you checked that Sendoso has no such send" })
    .trim()
    .min(10, "Say how you checked that Sendoso has no such send (at least 10 characters)")
    .max(RESOLVE_REASON_MAX, `Use at most ${RESOLVE_REASON_MAX} characters`),
});
export type MarkNotSentValues = z.output<typeof markNotSentSchema>;
