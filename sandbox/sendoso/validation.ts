import { isRecord } from "./http-utils";

/** Which documented request shape of POST /api/v3/send (contract §2.1–2.3). */
export type SendKind = "address_collection" | "known_address" | "egift";

export interface KnownAddress {
  address: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  mobileNo: string | null;
}

export interface AddressConfirmation {
  via: "email" | "link";
  expireAfterDays: number;
  resumeWithUnconfirmedAddress: boolean;
  hideProductInfo: boolean;
  customMessage: string | null;
}

export interface ValidSend {
  kind: SendKind;
  touchId: number;
  name: string | null;
  email: string;
  customMessage: string | null;
  viaFrom: string;
  address: KnownAddress | null;
  confirmation: AddressConfirmation | null;
  /** Non-US known address without mobile_no (only reachable when that is not rejected). */
  missingMobile: boolean;
}

export interface ValidationPolicy {
  invalidEmail: "reject" | "accept";
  nonUsWithoutMobile: "reject" | "accept" | "fail_later";
}

export type SendValidation = { ok: true; value: ValidSend } | { ok: false; message: string };

export const MISSING_SEND_PARAM = "param is missing or the value is empty: send";
const VIAS = ["single_person_or_company", "single_email_address"];
const US_NAMES = new Set(["US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA"]);
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

class FieldError extends Error {}

/** Reads fields of the `send` object with Rails-style messages, throwing on the first problem. */
export class FieldReader {
  constructor(private readonly data: Record<string, unknown>) {}

  private raw(field: string): unknown {
    const value = this.data[field];
    return typeof value === "string" && value.trim() === "" ? null : value;
  }

  optText(field: string, allowNumber = false): string | null {
    const value = this.raw(field);
    if (value === undefined || value === null) return null;
    if (typeof value === "string") return value;
    if (allowNumber && typeof value === "number" && Number.isFinite(value)) return String(value);
    throw new FieldError(`${field} is invalid`);
  }

  text(field: string, allowNumber = false): string {
    const value = this.optText(field, allowNumber);
    if (value === null) throw new FieldError(`${field} can't be blank`);
    return value;
  }

  optBool(field: string): boolean | null {
    const value = this.raw(field);
    if (value === undefined || value === null) return null;
    if (typeof value !== "boolean") throw new FieldError(`${field} is invalid`);
    return value;
  }

  bool(field: string): boolean {
    const value = this.optBool(field);
    if (value === null) throw new FieldError(`${field} can't be blank`);
    return value;
  }

  int(field: string): number {
    const value = this.raw(field);
    if (value === undefined || value === null) throw new FieldError(`${field} can't be blank`);
    if (typeof value !== "number" || !Number.isInteger(value)) throw new FieldError(`${field} is invalid`);
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], message: string): T {
    const value = this.text(field);
    if (!(allowed as readonly string[]).includes(value)) throw new FieldError(message);
    return value as T;
  }

  email(field: string, policy: ValidationPolicy): string {
    const value = this.text(field);
    if (policy.invalidEmail === "reject" && !EMAIL_PATTERN.test(value.trim())) {
      throw new FieldError(`${field} is invalid`);
    }
    return value;
  }
}

export function failure(message: string): never {
  throw new FieldError(message);
}

/** Runs `read`, turning the first FieldError into `{ok:false, message}`. */
export function collect<T>(read: () => T): { ok: true; value: T } | { ok: false; message: string } {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, message: error.message };
    throw error;
  }
}

export function isUnitedStates(country: string): boolean {
  return US_NAMES.has(country.trim().toUpperCase());
}

export function validateSend(body: unknown, policy: ValidationPolicy): SendValidation {
  if (!isRecord(body) || !isRecord(body.send)) return { ok: false, message: MISSING_SEND_PARAM };
  const r = new FieldReader(body.send);
  return collect(() => {
    const via = r.oneOf("via", VIAS, "via must be single_person_or_company or single_email_address");
    const noAddress = r.optBool("no_address");
    if (via === "single_email_address") return readEgift(r, policy);
    return noAddress === true ? readAddressCollection(r, policy) : readKnownAddress(r, policy);
  });
}

function readEgift(r: FieldReader, policy: ValidationPolicy): ValidSend {
  const touchId = r.int("touch_id");
  const name = r.optText("name");
  const email = r.email("email", policy);
  const customMessage = r.optText("custom_message");
  const viaFrom = r.text("via_from");
  const base = { touchId, name, email, customMessage, viaFrom, address: null, confirmation: null };
  return { kind: "egift", ...base, missingMobile: false };
}

function readConfirmation(r: FieldReader, resumeRequired: boolean): AddressConfirmation {
  const via = r.oneOf(
    "address_confirmation_via",
    ["email", "link"],
    "address_confirmation_via must be email or link",
  );
  const resume = resumeRequired
    ? r.bool("resume_with_unconfirmed_address")
    : r.optBool("resume_with_unconfirmed_address");
  const days = r.int("expire_after_days");
  if (days < 2 || days > 7) failure("expire_after_days must be between 2 and 7");
  const hide = resumeRequired ? r.bool("hide_product_info") : r.optBool("hide_product_info");
  return {
    via,
    expireAfterDays: days,
    resumeWithUnconfirmedAddress: resume ?? false,
    hideProductInfo: hide ?? false,
    customMessage: r.optText("address_confirmation_custom_message"),
  };
}

function readAddressCollection(r: FieldReader, policy: ValidationPolicy): ValidSend {
  const touchId = r.int("touch_id");
  const name = r.text("name");
  const email = r.email("email", policy);
  const customMessage = r.optText("custom_message");
  if (!r.bool("confirm_address")) failure("confirm_address must be true when no_address is true");
  const confirmation = readConfirmation(r, true);
  const viaFrom = r.text("via_from");
  const base = { touchId, name, email, customMessage, viaFrom, address: null, confirmation };
  return { kind: "address_collection", ...base, missingMobile: false };
}

function readKnownAddress(r: FieldReader, policy: ValidationPolicy): ValidSend {
  const touchId = r.int("touch_id");
  const name = r.text("name");
  const email = r.email("email", policy);
  const address: KnownAddress = {
    address: r.text("address"),
    city: r.text("city"),
    state: r.text("state"),
    zip: r.text("zip", true),
    country: r.text("country"),
    mobileNo: r.optText("mobile_no", true),
  };
  const customMessage = r.optText("custom_message");
  const confirmAddress = r.bool("confirm_address");
  const confirmation = confirmAddress ? readConfirmation(r, false) : null;
  const viaFrom = r.text("via_from");
  const missingMobile = address.mobileNo === null && !isUnitedStates(address.country);
  if (missingMobile && policy.nonUsWithoutMobile === "reject") failure("mobile_no can't be blank");
  const base = { touchId, name, email, customMessage, viaFrom, address, confirmation };
  return { kind: "known_address", ...base, missingMobile };
}
