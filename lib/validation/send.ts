import { z } from "zod";
import { isUnitedStates, mobileNumberForSendoso } from "@/lib/sendoso/request-body-known-address";
import { renderMessage } from "@/lib/sends/message-template";
import { touchIdField } from "./touch-id";

/**
 * Shared by the send form (zodResolver) and the send action (safeParse): one source of field rules.
 * One schema per Sendoso send variant (shared/sendoso-api.md §2), told apart by `sendType`.
 */

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

const requiredText = (message: string, max = 200) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Use at most ${max} characters`);

const days = z.coerce
  .number({ error: "Enter a number of days" })
  .int("Use whole days")
  .min(EXPIRE_DAYS_MIN, `Expiry must be between ${EXPIRE_DAYS_MIN} and ${EXPIRE_DAYS_MAX} days`)
  .max(EXPIRE_DAYS_MAX, `Expiry must be between ${EXPIRE_DAYS_MIN} and ${EXPIRE_DAYS_MAX} days`);

/** Stored lower-cased, so the repeat check, the caps and the glance compare with plain equality. */
export const recipientEmailSchema = z
  .string({ error: "Enter the recipient's email" })
  .trim()
  .min(1, "Enter the recipient's email")
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like jane@example.com"));

/** The send form's recipient glance (issue 17 item 5): the email being typed, checked like the send's. */
export const recipientGlanceSchema = z.object({ email: recipientEmailSchema });

const common = {
  idempotencyKey: z.uuid("This form has expired; reload the page"),
  touchId: touchIdField,
  recipientEmail: recipientEmailSchema,
  recipientCompany: z.string().trim().max(200, "Use at most 200 characters").default(""),
  customMessage: z
    .string()
    .trim()
    .max(CUSTOM_MESSAGE_MAX, `Keep the message under ${CUSTOM_MESSAGE_MAX} characters`)
    .default(""),
  /** The rep saw who else gifted this recipient recently and chose to send anyway. */
  confirmRepeatRecipient: booleanish.default(false),
  /** The saved message chosen (lib/messages); "" or absent: the rep wrote their own. */
  messageTemplateId: z
    .union([z.uuid("Choose a saved message again"), z.literal("")])
    .optional()
    .transform((v) => v || undefined),
};

export const addressCollectionSchema = z.object({
  ...common,
  sendType: z.literal("address_collection"),
  recipientName: requiredText("Enter the recipient's name"),
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

export const knownAddressSchema = z
  .object({
    ...common,
    sendType: z.literal("known_address"),
    recipientName: requiredText("Enter the recipient's name"),
    address: requiredText("Enter the street address"),
    city: requiredText("Enter the city", 100),
    state: requiredText("Enter the state or region", 100),
    zip: requiredText("Enter the postal code", 20),
    country: z
      .string({ error: "Choose a country" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Use the two-letter country code, like US or GB"),
    mobileNo: z
      .string()
      .trim()
      .refine(
        (v) => v === "" || mobileNumberForSendoso(v) !== null,
        "Enter a phone number, like +44 20 7946 0958",
      )
      .default(""),
  })
  .refine((v) => isUnitedStates(v.country) || v.mobileNo !== "", {
    path: ["mobileNo"],
    message: "Sendoso needs a mobile number for addresses outside the US",
  });

export const egiftSchema = z.object({
  ...common,
  sendType: z.literal("egift"),
  recipientName: z.string().trim().max(200, "Use at most 200 characters").default(""),
});

export const sendGiftSchema = z
  .discriminatedUnion("sendType", [addressCollectionSchema, knownAddressSchema, egiftSchema], {
    error: "Choose how the gift is delivered",
  })
  // The limit applies to what is sent: a template can grow once {company} and the name are filled in.
  .superRefine((values, ctx) => {
    const sent = renderMessage(values.customMessage, {
      name: values.recipientName,
      company: values.recipientCompany,
    });
    if (sent.length > CUSTOM_MESSAGE_MAX) {
      ctx.addIssue({
        code: "custom",
        path: ["customMessage"],
        message: `With the name and company filled in, the message is ${sent.length} characters; keep it under ${CUSTOM_MESSAGE_MAX}`,
      });
    }
  });

export type SendGiftInput = z.input<typeof sendGiftSchema>;
export type SendGiftValues = z.output<typeof sendGiftSchema>;
export type AddressCollectionValues = z.output<typeof addressCollectionSchema>;
export type KnownAddressValues = z.output<typeof knownAddressSchema>;
export type EgiftValues = z.output<typeof egiftSchema>;
/** Every field any variant has, for placing server errors next to the right input. */
export type SendGiftField = keyof AddressCollectionValues | keyof KnownAddressValues | keyof EgiftValues;

/** A "+" in the local part is legal, but Sendoso may hold such sends as suspicious (send.suspicious_email). */
export function hasPlusAddressing(email: string): boolean {
  return /^[^@]*\+[^@]*@/.test(email);
}
