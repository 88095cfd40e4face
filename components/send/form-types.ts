import type { FieldErrors, UseFormReturn } from "react-hook-form";
import type { SendGiftField, SendGiftInput, SendGiftValues } from "@/lib/validation/send";

export type SendForm = UseFormReturn<SendGiftInput, unknown, SendGiftValues>;

/** The errors object is a union over the send variants; every field is looked up the same way. */
export function errorFor(errors: FieldErrors<SendGiftInput>, field: SendGiftField): string | undefined {
  const entry = (errors as Record<string, { message?: unknown } | undefined>)[field];
  return typeof entry?.message === "string" ? entry.message : undefined;
}
