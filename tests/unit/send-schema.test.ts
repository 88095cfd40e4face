import { describe, expect, it } from "vitest";
import {
  addressCollectionSchema,
  DEFAULT_CONFIRMATION_MESSAGE,
  hasPlusAddressing,
  sendGiftSchema,
} from "@/lib/validation/send";

const valid = {
  sendType: "address_collection",
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
  it("checks the message length after the name and company are filled in", () => {
    const template = `${"x".repeat(480)} {company}`;
    expect(fieldErrors({ ...valid, customMessage: template, recipientCompany: "Acme" })).toEqual({});
    expect(
      fieldErrors({ ...valid, customMessage: template, recipientCompany: "A very long company name, Inc." }),
    ).toEqual({ customMessage: expect.stringContaining("With the name and company filled in") });
  });

  it("accepts a valid send and fills the documented defaults", () => {
    const parsed = sendGiftSchema.parse(valid);
    expect(parsed).toEqual({
      ...valid,
      recipientCompany: "",
      confirmRepeatRecipient: false,
      addressConfirmationVia: "email",
      expireAfterDays: 5,
      resumeWithUnconfirmedAddress: false,
      hideProductInfo: true,
      addressConfirmationMessage: DEFAULT_CONFIRMATION_MESSAGE,
    });
  });

  it("coerces form strings: touch id, days and booleans", () => {
    const parsed = addressCollectionSchema.parse({
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
    ["sendType", { sendType: "carrier_pigeon" }, "Choose how the gift is delivered"],
  ])("rejects an invalid %s", (field, patch, message) => {
    const errors = fieldErrors({ ...valid, ...patch });
    expect(Object.keys(errors)).toEqual([field]);
    if (message) expect(errors[field]).toBe(message);
  });
});

const known = {
  ...valid,
  sendType: "known_address",
  address: "639 Front St, Floor 3",
  city: "San Francisco",
  state: "CA",
  zip: "94111",
  country: "us",
};

describe("known-address variant", () => {
  it("accepts a US address without a mobile number and upper-cases the country", () => {
    expect(sendGiftSchema.parse(known)).toMatchObject({ country: "US", mobileNo: "" });
  });

  it("requires a mobile number outside the US, at the mobile field", () => {
    expect(fieldErrors({ ...known, country: "GB" })).toEqual({
      mobileNo: "Sendoso needs a mobile number for addresses outside the US",
    });
    expect(fieldErrors({ ...known, country: "GB", mobileNo: "+44 20 7946 0958" })).toEqual({});
  });

  it.each([
    ["address", { address: "" }, "Enter the street address"],
    [
      "country",
      { country: "United Kingdom", mobileNo: "+44 20 7946 0958" },
      "Use the two-letter country code, like US or GB",
    ],
    ["mobileNo", { mobileNo: "call me" }, "Enter a phone number, like +44 20 7946 0958"],
  ])("rejects an invalid %s", (field, patch, message) => {
    expect(fieldErrors({ ...known, ...patch })).toEqual({ [field]: message });
  });
});

describe("eGift variant", () => {
  it("does not need a name", () => {
    expect(fieldErrors({ ...valid, sendType: "egift", recipientName: "" })).toEqual({});
  });
});

describe("hasPlusAddressing", () => {
  it.each([
    ["jane+gifts@example.com", true],
    ["jane@example.com", false],
    ["jane@ex+ample.com", false],
  ])("%s → %s", (email, plus) => {
    expect(hasPlusAddressing(email)).toBe(plus);
  });
});
