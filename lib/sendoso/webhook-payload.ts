import { z } from "zod";

/**
 * The body of a Sendoso webhook (sendoso-api.md §5.4): `{send_gid, status_changed_at}` and nothing more
 * is documented. The event name is not in the body today; if Sendoso ever adds one as `type` or `event`
 * we keep it. Unknown fields are kept (the whole payload is stored) rather than refused.
 */
const timestamp = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), "not a date")
  .transform((value) => new Date(value));

const eventName = z.string().trim().min(1).max(100);

export const sendosoWebhookPayloadSchema = z
  .looseObject({
    send_gid: z.string().trim().min(1).max(200),
    status_changed_at: timestamp.nullish(),
    type: eventName.optional(),
    event: eventName.optional(),
  })
  .transform((payload) => ({
    sendGid: payload.send_gid,
    statusChangedAt: payload.status_changed_at ?? null,
    eventType: payload.type ?? payload.event ?? null,
  }));

/** The parsed fields, plus the body exactly as Sendoso sent it (stored as the message's payload). */
export type SendosoWebhookPayload = z.output<typeof sendosoWebhookPayloadSchema> & {
  raw: Record<string, unknown>;
};

/** Parses the raw (already verified) body; null for invalid JSON or a body of the wrong shape. */
export function parseSendosoWebhookPayload(rawBody: string): SendosoWebhookPayload | null {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return null;
  }
  const parsed = sendosoWebhookPayloadSchema.safeParse(json);
  return parsed.success ? { ...parsed.data, raw: json as Record<string, unknown> } : null;
}
