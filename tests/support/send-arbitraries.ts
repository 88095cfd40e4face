import fc from "fast-check";

/** Addresses zod's email check accepts (fast-check's RFC 5322 ones mostly are not), some in capitals. */
export const emailArb = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z0-9]{1,5})?(\+[a-z]{1,4})?$/),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/),
    fc.boolean(),
  )
  .map(([local, domain, shout]) => {
    const address = `${local}@${domain}.com`;
    return shout ? address.toUpperCase() : address;
  });

/** Any Unicode text a rep could type that is not blank once trimmed and fits `maxUnits` UTF-16 units. */
export const nonBlank = (maxUnits: number) =>
  fc
    .string({ minLength: 1, maxLength: Math.ceil(maxUnits / 3), unit: "grapheme" })
    .filter((s) => s.trim() !== "" && s.length <= maxUnits);

/** Blank in every way a form can be: empty, spaces, tabs, newlines, non-breaking spaces. */
export const blank = fc
  .array(fc.constantFrom(" ", "\t", "\n", "\u00a0", "\u2003"), { maxLength: 4 })
  .map((chars) => chars.join(""));

/** A phone number in a shape reps type ("+44 20 7946 0958", "(415) 555-0100"): 6–15 digits, no leading 0. */
export const phoneArb = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 14 }),
    fc.array(fc.constantFrom("", " ", "-", "."), { minLength: 14, maxLength: 14 }),
    fc.boolean(),
  )
  .map(([first, rest, seps, plus]) => {
    const digits = [first, ...rest];
    return `${plus ? "+" : ""}${digits
      .map((d, i) => `${d}${seps[i] ?? ""}`)
      .join("")
      .trim()}`;
  });

const formBoolean = fc.oneof(fc.boolean(), fc.constantFrom("true", "false", "on", "off"));

const common = {
  idempotencyKey: fc.uuid({ version: 4 }),
  touchId: fc.oneof(
    fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    fc.integer({ min: 1, max: 99_999 }).map(String),
  ),
  recipientEmail: emailArb,
  recipientCompany: fc.oneof(blank, nonBlank(200)),
  customMessage: fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom("Hi {first_name} {last_name} of {company}!", "{first_name}", ""),
  ),
  confirmRepeatRecipient: formBoolean,
};

/** Form input (as the browser posts it) that the address-collection schema must accept. */
export const addressCollectionInput = fc.record({
  ...common,
  sendType: fc.constant("address_collection" as const),
  recipientName: nonBlank(200),
  addressConfirmationVia: fc.constantFrom("email", "link"),
  expireAfterDays: fc.oneof(fc.integer({ min: 2, max: 7 }), fc.integer({ min: 2, max: 7 }).map(String)),
  resumeWithUnconfirmedAddress: formBoolean,
  hideProductInfo: formBoolean,
  addressConfirmationMessage: fc.string({ maxLength: 200 }),
});

/** Known-address input: a mobile number always outside the US, sometimes inside. */
export const knownAddressInput = fc
  .record({
    ...common,
    sendType: fc.constant("known_address" as const),
    recipientName: nonBlank(200),
    address: nonBlank(200),
    city: nonBlank(100),
    state: nonBlank(100),
    zip: nonBlank(20),
    country: fc.constantFrom("US", "us", " US ", "GB", "de", "CA", "JP"),
    mobileNo: fc.oneof(phoneArb, fc.constant("")),
  })
  .map((input) =>
    input.country.trim().toUpperCase() !== "US" && input.mobileNo === ""
      ? { ...input, mobileNo: "+44 20 7946 0958" }
      : input,
  );

/** eGift input: the name is optional, and blank in several ways. */
export const egiftInput = fc.record({
  ...common,
  sendType: fc.constant("egift" as const),
  recipientName: fc.oneof(blank, nonBlank(200)),
});

export const validSendInput = fc.oneof(addressCollectionInput, knownAddressInput, egiftInput);
