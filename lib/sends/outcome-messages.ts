import type { SendGiftField } from "@/lib/validation/send";

/** Sendoso names request fields; the form names its own. */
const FORM_FIELD_FOR_SENDOSO_FIELD: Record<string, SendGiftField> = {
  touch_id: "touchId",
  address: "address",
  city: "city",
  state: "state",
  zip: "zip",
  country: "country",
  mobile_no: "mobileNo",
  name: "recipientName",
  email: "recipientEmail",
  custom_message: "customMessage",
  expire_after_days: "expireAfterDays",
  address_confirmation_via: "addressConfirmationVia",
  address_confirmation_custom_message: "addressConfirmationMessage",
};

export function formFieldFor(sendosoField: string | null): SendGiftField | null {
  return sendosoField ? (FORM_FIELD_FOR_SENDOSO_FIELD[sendosoField] ?? null) : null;
}

/** Turns Sendoso's terse refusals into a sentence a rep can act on; the raw text is kept beside it. */
export function readableRejection(status: number, message: string): string {
  if (status === 404) return "This touch is no longer active in Sendoso. Pick another touch.";
  if (/can't be blank$/.test(message)) return `Sendoso needs this: ${message}.`;
  return `Sendoso refused the gift: ${message}`;
}

export const UNKNOWN_OUTCOME_MESSAGE =
  "We could not confirm this gift — do not resend; we are checking with Sendoso.";

export const KEY_REUSED_MESSAGE =
  "This form was already submitted with different details. Start a new send to send another gift.";

export const RECIPIENT_BLOCKED_MESSAGE =
  "A gift to this recipient is still unconfirmed. Do not send another until a manager has checked it.";
