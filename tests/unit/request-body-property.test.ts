import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestBodyFor } from "@/lib/sends/request-for";
import { type SendGiftValues, sendGiftSchema } from "@/lib/validation/send";
import {
  addressCollectionInput,
  blank,
  egiftInput,
  knownAddressInput,
  phoneArb,
} from "../support/send-arbitraries";
import { shapeProblems } from "../support/send-body-shape";

/**
 * Sendoso does not deduplicate and documents three exact bodies (shared/sendoso-api.md §2.1–2.3); a
 * wrong key or a string where a number belongs is a failed (or silently mis-sent) gift. For any form the
 * schema accepts, the body must be the documented one: keys in order, JSON types, fixed constants.
 */
const VIA_FROM = "Gift Desk";

/** Parse exactly as the action does; a generator producing input the schema refuses is a test bug. */
function valuesOf(input: unknown): SendGiftValues {
  const parsed = sendGiftSchema.safeParse(input);
  if (!parsed.success) throw new Error(`generator produced invalid input: ${parsed.error.message}`);
  return parsed.data;
}

type AnySend = Record<string, unknown>;
const bodyOf = (values: SendGiftValues) => requestBodyFor(values, VIA_FROM).send as AnySend;

/** What every variant carries straight from the form. */
function expectCommon(values: SendGiftValues, send: AnySend) {
  expect(send.touch_id).toBe(values.touchId);
  expect(send.email).toBe(values.recipientEmail);
  expect(send.email).toBe(String(send.email).toLowerCase());
  expect(send.via_from).toBe(VIA_FROM);
  // Variables are filled in by Gift Desk: none may reach Sendoso unless the rep's own text contained one.
  const typed = `${values.recipientName} ${values.recipientCompany}`;
  if (!/\{(first_name|last_name|company)\}/.test(typed))
    expect(send.custom_message).not.toMatch(/\{(first_name|last_name|company)\}/);
}

describe("requestBodyFor, for every valid form", () => {
  it("address collection: §2.1 keys in order, integer touch and expiry, the form's choices", () => {
    fc.assert(
      fc.property(addressCollectionInput, (input) => {
        const values = valuesOf(input);
        if (values.sendType !== "address_collection") throw new Error("wrong variant");
        const send = bodyOf(values);
        expect(shapeProblems("address_collection", { send })).toEqual([]);
        expectCommon(values, send);
        expect(send).toMatchObject({
          name: values.recipientName,
          address_confirmation_via: values.addressConfirmationVia,
          expire_after_days: values.expireAfterDays,
          resume_with_unconfirmed_address: values.resumeWithUnconfirmedAddress,
          hide_product_info: values.hideProductInfo,
          address_confirmation_custom_message: values.addressConfirmationMessage,
        });
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it("known address: §2.2 keys in order, mobile_no a JSON number of the typed digits, required outside the US", () => {
    fc.assert(
      fc.property(knownAddressInput, (input) => {
        const values = valuesOf(input);
        if (values.sendType !== "known_address") throw new Error("wrong variant");
        const send = bodyOf(values);
        expect(shapeProblems("known_address", { send })).toEqual([]);
        expectCommon(values, send);
        expect(send).toMatchObject({ name: values.recipientName, country: values.country });
        if (values.mobileNo === "") {
          expect(send).not.toHaveProperty("mobile_no");
          expect(values.country).toBe("US");
        } else {
          expect(typeof send.mobile_no).toBe("number");
          expect(String(send.mobile_no)).toBe(values.mobileNo.replace(/\D/g, ""));
        }
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it("known address: any typed phone number becomes the same JSON number", () => {
    fc.assert(
      fc.property(knownAddressInput, phoneArb, (input, phone) => {
        const send = bodyOf(valuesOf({ ...input, country: "GB", mobileNo: phone }));
        expect(Number.isSafeInteger(send.mobile_no)).toBe(true);
        expect(send.mobile_no).toBe(Number(phone.replace(/\D/g, "")));
      }),
      { numRuns: 1_000 },
    );
  });

  it("eGift: §2.3 keys in order, no name when the name is blank, the name as typed otherwise", () => {
    fc.assert(
      fc.property(egiftInput, (input) => {
        const values = valuesOf(input);
        if (values.sendType !== "egift") throw new Error("wrong variant");
        const send = bodyOf(values);
        expect(shapeProblems("egift", { send })).toEqual([]);
        expectCommon(values, send);
        if (values.recipientName.trim() === "") expect(Object.keys(send)).not.toContain("name");
        else expect(send.name).toBe(values.recipientName);
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it("eGift: a blank name of any kind never reaches Sendoso", () => {
    fc.assert(
      fc.property(egiftInput, blank, (input, name) => {
        expect(bodyOf(valuesOf({ ...input, recipientName: name }))).not.toHaveProperty("name");
      }),
      { numRuns: 500 },
    );
  });
});
