/**
 * The exact JSON Sendoso documents for a physical gift to an address we already know
 * (shared/sendoso-api.md §2.2). Key order follows the documented example; `mobile_no` is a JSON number
 * as in that example, and is required outside the US ("a request without it will fail").
 */
export type KnownAddressBody = {
  send: {
    touch_id: number;
    name: string;
    email: string;
    address: string;
    city: string;
    state: string;
    zip: string;
    country: string;
    mobile_no?: number;
    custom_message: string;
    confirm_address: false;
    via: "single_person_or_company";
    via_from: string;
  };
};

export type KnownAddressInput = {
  touchId: number;
  recipientName: string;
  recipientEmail: string;
  customMessage?: string;
  /** One line ("639 Front St, Floor 3"): Sendoso has no address2. */
  address: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  /** International form, country code first ("+44 20 7946 0958"); required outside the US. */
  mobileNo?: string | null;
};

const US_NAMES = new Set(["US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA"]);

export function isUnitedStates(country: string): boolean {
  return US_NAMES.has(country.trim().toUpperCase());
}

/**
 * A phone number as the JSON number Sendoso's example uses, or null when it cannot be one without
 * losing digits: 6–15 digits (E.164 length) that do not start with 0, after dropping "+", spaces,
 * dots, dashes and brackets.
 */
export function mobileNumberForSendoso(raw: string): number | null {
  const digits = raw.replace(/[\s().+-]/g, "");
  return /^[1-9]\d{5,14}$/.test(digits) ? Number(digits) : null;
}

export function buildKnownAddressBody(input: KnownAddressInput, viaFrom: string): KnownAddressBody {
  const mobile = input.mobileNo ? mobileNumberForSendoso(input.mobileNo) : null;
  if (input.mobileNo && mobile === null) {
    throw new Error("mobile_no must be a phone number in international form, e.g. +44 20 7946 0958");
  }
  if (mobile === null && !isUnitedStates(input.country)) {
    throw new Error("mobile_no is required for an address outside the US");
  }
  return {
    send: {
      touch_id: input.touchId,
      name: input.recipientName,
      email: input.recipientEmail,
      address: input.address,
      city: input.city,
      state: input.state,
      zip: input.zip,
      country: input.country,
      ...(mobile === null ? {} : { mobile_no: mobile }),
      custom_message: input.customMessage ?? "",
      confirm_address: false,
      via: "single_person_or_company",
      via_from: viaFrom,
    },
  };
}
