import type { BulkSettings } from "@/lib/db/schema";
import type { SendGiftField, SendGiftInput } from "@/lib/validation/send";
import type { BulkField } from "./fields";

/** The recipient's name: the `name` column, else first + last. */
export function nameOf(cells: Record<string, string>): string {
  return cells.name ?? [cells.first_name, cells.last_name].filter(Boolean).join(" ");
}

/**
 * One row as the single-send form would submit it: the batch's touch, delivery options and message
 * template, the row's own recipient, and the row's `custom_message` in place of the template if it has one.
 * The single-send schema (lib/validation/send.ts) then judges it: one source of field rules.
 */
export function rowInput(
  cells: Record<string, string>,
  settings: BulkSettings,
  idempotencyKey: string,
): SendGiftInput {
  return {
    ...settings.options,
    idempotencyKey,
    touchId: settings.touchId,
    sendType: settings.sendType,
    recipientName: nameOf(cells),
    recipientEmail: cells.email ?? "",
    recipientCompany: cells.company ?? "",
    customMessage: cells.custom_message ?? settings.messageTemplate,
    confirmRepeatRecipient: settings.confirmRepeatRecipients,
    address: cells.address ?? "",
    city: cells.city ?? "",
    state: cells.state ?? "",
    zip: cells.zip ?? "",
    country: cells.country ?? "",
    mobileNo: cells.mobile_no ?? "",
  } as SendGiftInput;
}

/** Where a schema error shows in the review table: the column it came from. */
export function columnOf(field: SendGiftField | string, cells: Record<string, string>): BulkField | null {
  switch (field) {
    case "recipientEmail":
      return "email";
    case "recipientName":
      return cells.name !== undefined ? "name" : "first_name";
    case "recipientCompany":
      return "company";
    case "customMessage":
      return "custom_message";
    case "mobileNo":
      return "mobile_no";
    case "address":
    case "city":
    case "state":
    case "zip":
    case "country":
      return field;
    default:
      return null;
  }
}
