/**
 * The exact JSON Sendoso documents for an eGift it emails to the recipient (shared/sendoso-api.md §2.3):
 * `via: "single_email_address"`, `name` optional. There is no amount field. The answer carries a
 * `tracking_url` as well as the tracking code.
 */
export type EgiftBody = {
  send: {
    touch_id: number;
    name?: string;
    email: string;
    custom_message: string;
    via: "single_email_address";
    via_from: string;
  };
};

export type EgiftInput = {
  touchId: number;
  recipientName?: string | null;
  recipientEmail: string;
  customMessage?: string;
};

export function buildEgiftBody(input: EgiftInput, viaFrom: string): EgiftBody {
  const name = input.recipientName?.trim() ? input.recipientName : undefined;
  return {
    send: {
      touch_id: input.touchId,
      ...(name ? { name } : {}),
      email: input.recipientEmail,
      custom_message: input.customMessage ?? "",
      via: "single_email_address",
      via_from: viaFrom,
    },
  };
}
