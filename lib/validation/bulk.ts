import { z } from "zod";
import { BULK_FIELDS } from "@/lib/bulk/fields";
import { CUSTOM_MESSAGE_MAX, EXPIRE_DAYS_MAX, EXPIRE_DAYS_MIN } from "./send";
import { rejectSendSchema } from "./spend";
import { touchIdField } from "./touch-id";

/**
 * The batch-wide choices of a bulk upload (multipart form fields). Row fields are judged by the
 * single-send schema (lib/validation/send.ts) once the settings are applied to each row.
 */
export const bulkUploadSchema = z
  .object({
    touchId: touchIdField,
    sendType: z.enum(["address_collection", "known_address", "egift"], {
      error: "Choose how the gifts are delivered",
    }),
    messageTemplate: z
      .string()
      .trim()
      .max(CUSTOM_MESSAGE_MAX, `Keep the message under ${CUSTOM_MESSAGE_MAX} characters`)
      .default(""),
    expireAfterDays: z.coerce
      .number()
      .int("Use whole days")
      .min(EXPIRE_DAYS_MIN, `Expiry must be between ${EXPIRE_DAYS_MIN} and ${EXPIRE_DAYS_MAX} days`)
      .max(EXPIRE_DAYS_MAX, `Expiry must be between ${EXPIRE_DAYS_MIN} and ${EXPIRE_DAYS_MAX} days`)
      .default(5),
    addressConfirmationVia: z.enum(["email", "link"]).default("email"),
    confirmRepeatRecipients: z
      .enum(["on", "true", "false"])
      .optional()
      .transform((v) => v === "on" || v === "true"),
  })
  .transform(({ expireAfterDays, addressConfirmationVia, ...rest }) => ({
    ...rest,
    options:
      rest.sendType === "address_collection"
        ? ({ expireAfterDays, addressConfirmationVia } as Record<string, string | number>)
        : {},
  }));

const batchId = z.uuid("This batch could not be found");
const rowNumber = z.coerce.number().int().min(1);

export const fixBulkCellSchema = z.object({
  batchId,
  rowNumber,
  field: z.enum(BULK_FIELDS, { error: "Unknown column" }),
  value: z.string().max(CUSTOM_MESSAGE_MAX, `Use at most ${CUSTOM_MESSAGE_MAX} characters`),
});

export const dropBulkRowSchema = z.object({ batchId, rowNumber, dropped: z.boolean() });

export const startBulkSchema = z.object({ batchId });

export const controlBulkSchema = z.object({ batchId, control: z.enum(["pause", "resume", "cancel"]) });

export const decideBulkSchema = z.object({ batchId });

/** Rejecting a batch, or some of its rows: the rep reads why, as for a single send. */
export const rejectBulkSchema = rejectSendSchema.pick({ reason: true }).extend({
  batchId,
  rowNumbers: z.array(rowNumber).min(1, "Tick the rows to reject").max(5_000).optional(),
});
export type RejectBulkValues = z.output<typeof rejectBulkSchema>;
