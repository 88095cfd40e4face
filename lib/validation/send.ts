import { z } from "zod";

/** Shared by the send form (zodResolver) and the send action (safeParse): one source of field rules. */

export const CUSTOM_MESSAGE_MAX = 500;
export const CONFIRMATION_MESSAGE_MAX = 500;
export const EXPIRE_DAYS_MIN = 2;
export const EXPIRE_DAYS_MAX = 7;

export const DEFAULT_CONFIRMATION_MESSAGE =
  "We'd like to send you a small gift. Please confirm the best address to ship it to.";

/** Accepts real booleans and the strings a plain HTML form posts. */
const booleanish = z.union([
  z.boolean(),
  z.enum(["true", "false", "on", "off"]).transform((v) => v === "true" || v === "on"),
]);

const days = z.coerce
  .number({ error: "Enter a number of days" })
  .int("Use whole days")
  .min(EXPIRE_DAYS_MIN, `Expiry must be between ${EXPIRE_DAYS_MIN} and ${EXPIRE_DAYS_MAX} days`)
  .max(EXPIRE_DAYS_MAX, `Expiry must be between ${EXPIRE_DAYS_MIN} and ${EXPIRE_DAYS_MAX} days`);

export const sendGiftSchema = z.object({
  idempotencyKey: z.uuid("This form has expired; reload the page"),
  touchId: z.coerce.number({ error: "Choose a touch" }).int("Choose a touch").positive("Choose a touch"),
  recipientName: z
    .string({ error: "Enter the recipient's name" })
    .trim()
    .min(1, "Enter the recipient's name")
    .max(200, "Use at most 200 characters"),
  recipientEmail: z
    .string({ error: "Enter the recipient's email" })
    .trim()
    .min(1, "Enter the recipient's email")
    .toLowerCase()
    .pipe(z.email("Enter a valid email address, like jane@example.com")),
  customMessage: z
    .string()
    .trim()
    .max(CUSTOM_MESSAGE_MAX, `Keep the message under ${CUSTOM_MESSAGE_MAX} characters`)
    .default(""),
  addressConfirmationVia: z.enum(["email", "link"], { error: "Choose email or link" }).default("email"),
  expireAfterDays: days.default(5),
  resumeWithUnconfirmedAddress: booleanish.default(false),
  hideProductInfo: booleanish.default(true),
  addressConfirmationMessage: z
    .string()
    .trim()
    .max(CONFIRMATION_MESSAGE_MAX, `Keep the message under ${CONFIRMATION_MESSAGE_MAX} characters`)
    .default(DEFAULT_CONFIRMATION_MESSAGE),
});

export type SendGiftInput = z.input<typeof sendGiftSchema>;
export type SendGiftValues = z.output<typeof sendGiftSchema>;
export type SendGiftField = keyof SendGiftValues;
