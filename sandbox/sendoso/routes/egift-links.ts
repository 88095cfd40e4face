import { randomBytes } from "node:crypto";
import { isRecord, json, parseJsonBody, type SimResponse } from "../http-utils";
import type { Handler } from "../router";
import { collect, FieldReader, failure, MISSING_SEND_PARAM } from "../validation";
import { findAvailableTouch, touchNotFound } from "./touches";

const LINK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const badRequest = (message: string): SimResponse => json(400, { success: false, message });

function linkToken(): string {
  return [...randomBytes(13)].map((byte) => LINK_ALPHABET[byte % LINK_ALPHABET.length]).join("");
}

/** POST /api/v3/send/generate_egift_links: one https://sendo.so/g/<token> link per recipient (§3.1). */
export const generateEgiftLinks: Handler = (req, { state }) => {
  const parsed = parseJsonBody(req.rawBody);
  if (parsed.kind === "invalid") return badRequest("Invalid JSON");
  const body = parsed.kind === "ok" ? parsed.value : null;
  if (!isRecord(body) || !isRecord(body.send)) return badRequest(MISSING_SEND_PARAM);
  const send = body.send;
  const r = new FieldReader(send);
  const result = collect(() => {
    const touchId = r.int("touch_id");
    r.oneOf("via", ["generate_egift_links"], "via must be generate_egift_links");
    r.text("via_from");
    const recipients = send.recipient_users;
    if (!Array.isArray(recipients) || recipients.length === 0) failure("recipient_users can't be blank");
    const emails = recipients.map((item) =>
      new FieldReader(isRecord(item) ? item : {}).email("email", state.options),
    );
    return { touchId, emails };
  });
  if (!result.ok) return badRequest(result.message);

  const touch = findAvailableTouch(state, result.value.touchId);
  if (!touch) return touchNotFound();
  if (touch.touch.delivery_type !== "email" && state.options.deliveryTypeMismatch !== "accept") {
    return state.options.deliveryTypeMismatch === "bad_request"
      ? badRequest("touch_id is not an eGift touch")
      : touchNotFound();
  }
  const { emails } = result.value;
  return json(200, {
    success: true,
    message: `Success! Here are your ${emails.length} eGift Card links:`,
    egift_links: emails.map((email) => ({
      egift_link: `https://sendo.so/g/${linkToken()}`,
      recipient_email_or_phone_number: email,
    })),
    expiration_days: 30,
  });
};
