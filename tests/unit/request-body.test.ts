import { describe, expect, it } from "vitest";
import { requestBodyFor } from "@/lib/sends/request-for";
import { sendGiftSchema } from "@/lib/validation/send";

describe("requestBodyFor", () => {
  it("produces exactly the documented address-collection body, in order, with JSON types", () => {
    const values = sendGiftSchema.parse({
      sendType: "address_collection",
      idempotencyKey: "7b0f4a6e-3c1d-4e7a-9f51-0c2b8d9e6a11",
      touchId: "1001",
      recipientName: "Jane Doe",
      recipientEmail: "jane@example.com",
      customMessage: "Thanks for the call, {first_name}",
      expireAfterDays: "6",
      addressConfirmationMessage: "Where should we ship?",
    });
    const body = requestBodyFor(values, "Gift Desk");
    if (!("no_address" in body.send)) throw new Error("expected the address-collection body");
    expect(JSON.stringify(body)).toBe(
      JSON.stringify({
        send: {
          touch_id: 1001,
          name: "Jane Doe",
          email: "jane@example.com",
          custom_message: "Thanks for the call, Jane",
          no_address: true,
          confirm_address: true,
          address_confirmation_via: "email",
          resume_with_unconfirmed_address: false,
          expire_after_days: 6,
          hide_product_info: true,
          address_confirmation_custom_message: "Where should we ship?",
          via: "single_person_or_company",
          via_from: "Gift Desk",
        },
      }),
    );
    expect(typeof body.send.touch_id).toBe("number");
    expect(typeof body.send.expire_after_days).toBe("number");
  });
});
