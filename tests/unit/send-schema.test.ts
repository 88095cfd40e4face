import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIRMATION_MESSAGE, sendGiftSchema } from "@/lib/validation/send";

const valid = {
  idempotencyKey: "7b0f4a6e-3c1d-4e7a-9f51-0c2b8d9e6a11",
  touchId: 1001,
  recipientName: "Jane Doe",
  recipientEmail: "jane@example.com",
  customMessage: "Thanks!",
};

function fieldErrors(input: unknown) {
  const result = sendGiftSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

describe("sendGiftSchema", () => {
  it("accepts a valid send and fills the documented defaults", () => {
    const parsed = sendGiftSchema.parse(valid);
    expect(parsed).toEqual({
      ...valid,
      addressConfirmationVia: "email",
      expireAfterDays: 5,
      resumeWithUnconfirmedAddress: false,
      hideProductInfo: true,
      addressConfirmationMessage: DEFAULT_CONFIRMATION_MESSAGE,
    });
  });

  it("coerces form strings: touch id, days and booleans", () => {
    const parsed = sendGiftSchema.parse({
      ...valid,
      touchId: "1002",
      expireAfterDays: "7",
      resumeWithUnconfirmedAddress: "true",
      hideProductInfo: "false",
    });
    expect(parsed.touchId).toBe(1002);
    expect(parsed.expireAfterDays).toBe(7);
    expect(parsed.resumeWithUnconfirmedAddress).toBe(true);
    expect(parsed.hideProductInfo).toBe(false);
  });

  it("trims and lower-cases the email", () => {
    expect(sendGiftSchema.parse({ ...valid, recipientEmail: "  Jane.Doe@Example.COM " }).recipientEmail).toBe(
      "jane.doe@example.com",
    );
  });

  it.each([
    [2, true],
    [7, true],
    [1, false],
    [8, false],
    [4.5, false],
  ])("expire_after_days %s is valid: %s", (days, ok) => {
    const errors = fieldErrors({ ...valid, expireAfterDays: days });
    expect(errors.expireAfterDays === undefined).toBe(ok);
  });

  it.each([
    ["touchId", { touchId: "" }, "Choose a touch"],
    ["touchId", { touchId: "abc" }, "Choose a touch"],
    ["recipientName", { recipientName: "   " }, "Enter the recipient's name"],
    ["recipientEmail", { recipientEmail: "" }, "Enter the recipient's email"],
    ["recipientEmail", { recipientEmail: "jane@" }, "Enter a valid email address, like jane@example.com"],
    ["customMessage", { customMessage: "x".repeat(501) }, "Keep the message under 500 characters"],
    ["addressConfirmationVia", { addressConfirmationVia: "fax" }, "Choose email or link"],
    ["idempotencyKey", { idempotencyKey: "not-a-uuid" }, "This form has expired; reload the page"],
    ["hideProductInfo", { hideProductInfo: "maybe" }, undefined],
  ])("rejects an invalid %s", (field, patch, message) => {
    const errors = fieldErrors({ ...valid, ...patch });
    expect(Object.keys(errors)).toEqual([field]);
    if (message) expect(errors[field]).toBe(message);
  });
});
