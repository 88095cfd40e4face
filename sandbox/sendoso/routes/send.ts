import { json, parseJsonBody, type SimResponse } from "../http-utils";
import type { Handler } from "../router";
import type { SendRecord } from "../send-store";
import type { SimulatorState } from "../state";
import { createTimeline, type TimelineInput } from "../status-machine";
import { type ValidSend, validateSend } from "../validation";
import { findAvailableTouch, touchNotFound } from "./touches";

const badRequest = (message: string): SimResponse => json(400, { success: false, message });

/** POST /api/v3/send: the three documented shapes; no deduplication (contract §2). */
export const createSend: Handler = (req, { state, auth }) => {
  const parsed = parseJsonBody(req.rawBody);
  if (parsed.kind === "invalid") return badRequest("Invalid JSON");
  const result = validateSend(parsed.kind === "ok" ? parsed.value : {}, state.options);
  if (!result.ok) return badRequest(result.message);
  const input = result.value;

  const touch = findAvailableTouch(state, input.touchId);
  if (!touch) return touchNotFound();
  const expected = input.kind === "egift" ? "email" : "mail";
  if (touch.touch.delivery_type !== expected) {
    const mode = state.options.deliveryTypeMismatch;
    if (mode === "not_found") return touchNotFound();
    if (mode === "bad_request") {
      return badRequest(`touch_id is not a${expected === "email" ? "n eGift" : " physical"} touch`);
    }
  }
  if (!auth) throw new Error("createSend requires an authenticated route");

  const now = state.clock.nowMs();
  const send = state.sends.create({
    kind: input.kind,
    touch,
    recipient: { name: input.name, email: input.email, company_name: null },
    sender: auth.user,
    clientId: auth.clientId,
    createdAtMs: now,
    viaFrom: input.viaFrom,
    input,
    timeline: createTimeline(timelineInput(state, input, now)),
  });
  state.stats.sends_created += 1;
  return json(200, successBody(send));
};

function timelineInput(state: SimulatorState, input: ValidSend, now: number): TimelineInput {
  const { options } = state;
  const common = {
    startMs: now,
    stepMs: options.statusStepSeconds * 1000,
    stopAtProcessing: options.stopAtProcessing,
  };
  if (input.kind === "egift") return { ...common, kind: "egift", auto: options.egiftAutoProgress };
  if (input.missingMobile && options.nonUsWithoutMobile === "fail_later") {
    return { ...common, kind: "failed", auto: false };
  }
  if (input.confirmation) {
    return {
      ...common,
      kind: "address_confirmation",
      auto: true,
      expireAfterDays: input.confirmation.expireAfterDays,
      resumeWithUnconfirmedAddress:
        input.kind === "known_address" && input.confirmation.resumeWithUnconfirmedAddress,
    };
  }
  return { ...common, kind: "physical", auto: true };
}

function successBody(send: SendRecord) {
  if (send.kind === "egift") {
    return {
      success: true,
      message: "EGifts send Successfully",
      tracking_code: send.trackingCode,
      tracking_url: `https://app.sendoso.com/track/${send.trackingCode}`,
    };
  }
  return { success: true, message: "Gift send Successfully", tracking_code: send.trackingCode };
}
